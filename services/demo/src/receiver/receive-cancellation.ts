import type { CancellationWebhookBody } from '@clawback/subscription-cancellations';
import { WebhookSignatureError, verifyWebhook } from '@clawback/webhook-signature';

/** What the demo's merchant endpoint keeps: each cancellation once, and what it refused. */
export interface ReceiverBook {
  /** Verified cancellations by idempotency key, in arrival order. */
  readonly cancellations: Map<string, CancellationWebhookBody>;
  /** Deliveries whose signature did not verify, by error code. */
  readonly refused: string[];
  /** Verified deliveries, repeats included. */
  deliveries: number;
}

/** An empty {@link ReceiverBook}. */
export const emptyBook = (): ReceiverBook => ({
  cancellations: new Map(),
  refused: [],
  deliveries: 0,
});

/**
 * What a merchant's endpoint does with one cancellation webhook (docs/webhooks.md): verify
 * `Clawback-Signature` on the raw body first (401 and nothing else when it fails), then cancel
 * once per idempotency key and answer 200, also for a repeat. Pure but for the book it fills.
 */
export function receiveCancellation(
  book: ReceiverBook,
  secret: string,
  request: { readonly body: Buffer; readonly signature: string | undefined },
  now: () => number,
): number {
  try {
    verifyWebhook(secret, request.body, request.signature, { now });
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    book.refused.push(error.code);
    return 401;
  }
  let body: CancellationWebhookBody;
  try {
    body = JSON.parse(request.body.toString('utf8')) as CancellationWebhookBody;
  } catch {
    return 400;
  }
  book.deliveries += 1;
  if (!book.cancellations.has(body.idempotencyKey))
    book.cancellations.set(body.idempotencyKey, body);
  return 200;
}
