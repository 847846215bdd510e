export { signWebhook } from './sign-webhook';
export { SIGNATURE_HEADER, parseSignatureHeader } from './signature-header';
export { verifyWebhook } from './verify-webhook';
export { WebhookSignatureError } from './webhook-signature-error';
