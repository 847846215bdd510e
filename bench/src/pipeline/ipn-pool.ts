import { adapterFor } from '@clawback/providers';
import { twoCheckoutIpn } from '@clawback/providers/testing';
import { orderStory, type OrderStory } from '../synthetic/order-story';
import { seededRandom } from '../synthetic/seeded-random';
import { twoCheckoutInputOf } from '../synthetic/twocheckout-story';

/** One signed 2Checkout IPN as a provider would POST it. */
export interface IpnRequest {
  readonly body: Buffer;
  readonly contentType: string;
  readonly orderKey: string;
  /** What the IPN says happened (`payment_completed`, `refund`, ...). */
  readonly kind: string;
}

/** Options of {@link ipnPool}. */
export interface IpnPoolOptions {
  readonly count: number;
  readonly seed: number;
  readonly merchantId: string;
  readonly secretKey: string;
  /**
   * Orders in flight at once: an order's next notification comes about `window` requests
   * after its previous one, so concurrent requests are about different orders. Default 2,000.
   */
  readonly window?: number;
  /**
   * Provider-time order within each order (no refund overtaking its sale). End-to-end latency
   * needs it: a parked refund's event waits for its sale, which is not pipeline latency.
   */
  readonly inOrder?: boolean;
  /**
   * The first synthetic order's number (default 0): pools that must not share an order (and
   * so a notification id the edge dedupe would answer as a duplicate) start far apart.
   */
  readonly firstOrder?: number;
}

/** Each step once, in arrival order (retries left out: the ingress would dedupe them). */
function distinctSteps(story: OrderStory, inOrder: boolean): number[] {
  if (inOrder) return story.steps.map((_, i) => i);
  return story.arrivals.filter((step, i) => story.arrivals.indexOf(step) === i);
}

/**
 * `count` distinct signed IPNs (all three signatures, as current 2Checkout accounts send) over
 * synthetic orders, deterministic for a seed. Built before any timing starts.
 */
export function ipnPool(options: IpnPoolOptions): IpnRequest[] {
  const random = seededRandom(options.seed);
  const window = options.window ?? 2000;
  const out: IpnRequest[] = [];
  for (let next = options.firstOrder ?? 0; out.length < options.count;) {
    const stories = Array.from({ length: window }, () => orderStory(next++, 10, random));
    const steps = stories.map((story) => distinctSteps(story, options.inOrder ?? false));
    for (let round = 0; round < 9 && out.length < options.count; round++) {
      stories.forEach((story, i) => {
        const step = steps[i]![round];
        if (step === undefined || out.length >= options.count) return;
        const refno = String(10_000_000 + story.index);
        const input = twoCheckoutInputOf(story, step, refno);
        const signed = twoCheckoutIpn(input, { secretKey: options.secretKey, algorithm: 'all' });
        out.push({
          ...signed,
          orderKey: `2checkout:${options.merchantId}:${refno}`,
          kind: story.steps[step]!.kind,
        });
      });
    }
  }
  return out;
}

/** The notification id the lifecycle will give an IPN (its events' `causationId`). */
export function notificationIdOf(request: IpnRequest, merchantId: string): string {
  return adapterFor('2checkout').normalize({
    merchantId,
    body: request.body,
    contentType: request.contentType,
  }).notificationId;
}
