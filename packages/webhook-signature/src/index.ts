export { computeSignature, signWebhook, type WebhookBody } from './sign-webhook';
export {
  SIGNATURE_HEADER,
  formatSignatureHeader,
  parseSignatureHeader,
  type SignatureHeader,
} from './signature-header';
export { verifyWebhook, type VerifiedWebhook, type VerifyOptions } from './verify-webhook';
export { WebhookSignatureError, type WebhookSignatureErrorCode } from './webhook-signature-error';
