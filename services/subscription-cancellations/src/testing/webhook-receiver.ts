import { type WebhookSignatureError, verifyWebhook } from '@clawback/webhook-signature';
import type { CancellationWebhookBody } from '../adapters/webhook/webhook-body';
import { type LocalAnswer, type LocalServer, startLocalServer } from './local-server';

/** A merchant's webhook endpoint as tests run it. */
export interface WebhookReceiver extends LocalServer {
  /** Deliveries whose signature verified, in arrival order. */
  readonly verified: readonly CancellationWebhookBody[];
  /** Deliveries refused, with the verification error's code. */
  readonly refused: readonly string[];
  /** Idempotency keys booked (answered 2xx the first time) per subscription ref. */
  readonly bookings: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * A webhook receiver that does what docs/webhooks.md asks of merchants: verifies the
 * signature on the raw body (401 if it fails), books each idempotency key once and answers 2xx
 * for a key it has already booked. `answer` decides the status of a verified delivery before
 * booking, from the subscription and the how-many-th delivery of it this is (1-based).
 */
export async function startWebhookReceiver(
  secret: string,
  answer: (subscriptionRef: string, delivery: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const verified: CancellationWebhookBody[] = [];
  const refused: string[] = [];
  const bookings = new Map<string, Set<string>>();
  const deliveries = new Map<string, number>();
  const server = await startLocalServer((request): LocalAnswer => {
    const header = request.headers['clawback-signature'];
    try {
      verifyWebhook(secret, request.body, typeof header === 'string' ? header : undefined);
    } catch (error) {
      refused.push((error as WebhookSignatureError).code);
      return { status: 401 };
    }
    const body = JSON.parse(request.body.toString('utf8')) as CancellationWebhookBody;
    verified.push(body);
    const key = request.headers['clawback-idempotency-key'];
    if (key !== body.idempotencyKey) return { status: 400, body: '{"error":"key mismatch"}' };
    const delivery = (deliveries.get(body.subscriptionRef) ?? 0) + 1;
    deliveries.set(body.subscriptionRef, delivery);
    const booked = bookings.get(body.subscriptionRef) ?? new Set<string>();
    if (booked.has(key)) return { status: 200, body: '{"duplicate":true}' };
    const status = answer(body.subscriptionRef, delivery);
    if (status >= 200 && status < 300) {
      booked.add(key);
      bookings.set(body.subscriptionRef, booked);
    }
    return { status };
  });
  return { ...server, verified, refused, bookings };
}
