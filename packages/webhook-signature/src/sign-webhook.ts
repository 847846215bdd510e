import { createHmac } from 'node:crypto';
import { formatSignatureHeader } from './signature-header';

/** A request body as sent: the exact bytes, or a string sent as UTF-8. */
export type WebhookBody = string | Uint8Array;

/**
 * The `v1` signature: lowercase hex HMAC-SHA256, keyed with `secret`, of the bytes
 * `"<timestamp>." + body`. Signing the timestamp with the body is what lets receivers refuse
 * replays of old requests.
 */
export function computeSignature(secret: string, body: WebhookBody, timestamp: number): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}

/**
 * The `Clawback-Signature` header value for `body` sent at `timestamp` (unix seconds):
 * `t=<timestamp>,v1=<hex>`. With several secrets (during a rotation) it carries one `v1` per
 * secret, so receivers holding either the old or the new secret accept the request.
 *
 * @example signWebhook('whsec_…', '{"type":"subscription.cancel"}', 1767225600)
 */
export function signWebhook(
  secret: string | readonly string[],
  body: WebhookBody,
  timestamp: number,
): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`timestamp must be unix seconds, got ${timestamp}`);
  }
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0 || secrets.some((s) => s === '')) {
    throw new RangeError('at least one non-empty secret is needed');
  }
  return formatSignatureHeader({
    timestamp,
    signatures: secrets.map((s) => computeSignature(s, body, timestamp)),
  });
}
