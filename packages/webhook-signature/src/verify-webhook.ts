import { timingSafeEqual } from 'node:crypto';
import { computeSignature, type WebhookBody } from './sign-webhook';
import { parseSignatureHeader } from './signature-header';
import { WebhookSignatureError } from './webhook-signature-error';

/** Options for {@link verifyWebhook}. */
export interface VerifyOptions {
  /**
   * How far (seconds) the signed timestamp may be from now, in either direction. Default 300,
   * like Stripe's. Each delivery attempt is signed afresh, so retries stay inside it.
   */
  readonly toleranceSec?: number;
  /** Clock in epoch milliseconds; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A verified webhook. */
export interface VerifiedWebhook {
  /** When the sender signed it, unix seconds. */
  readonly timestamp: number;
}

/**
 * Checks a webhook's `Clawback-Signature` header against the raw body bytes, as received and
 * before any JSON parsing. Accepts when any `v1` in the header matches any of `secret` (pass
 * both the old and the new secret while rotating) and the timestamp is within the tolerance.
 * Signatures are compared in constant time.
 *
 * @throws WebhookSignatureError with a stable `code` (see {@link WebhookSignatureErrorCode}).
 */
export function verifyWebhook(
  secret: string | readonly string[],
  body: WebhookBody,
  header: string | undefined,
  options: VerifyOptions = {},
): VerifiedWebhook {
  const { timestamp, signatures } = parseSignatureHeader(header);
  const toleranceSec = options.toleranceSec ?? 300;
  const nowSec = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSec - timestamp) > toleranceSec) {
    throw new WebhookSignatureError(
      'signature_timestamp_out_of_tolerance',
      `signed at ${timestamp}, now ${nowSec}: more than ${toleranceSec} s apart`,
    );
  }
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0 || secrets.some((s) => s === '')) {
    // A misconfigured receiver must fail loudly, not accept what an empty key signs.
    throw new RangeError('at least one non-empty secret is needed');
  }
  const received = signatures.map((sig) => Buffer.from(sig, 'hex'));
  let matched = false;
  // Every pair is compared (no early exit), so timing says nothing about which one matched.
  for (const candidate of secrets) {
    const expected = Buffer.from(computeSignature(candidate, body, timestamp), 'hex');
    for (const sig of received) {
      if (timingSafeEqual(expected, sig)) matched = true;
    }
  }
  if (!matched) {
    throw new WebhookSignatureError('signature_mismatch', 'no v1 signature matches the body');
  }
  return { timestamp };
}
