import fc from 'fast-check';
import type { LifecycleEvent } from '@clawback/order-machine';
import { storyEvents, storySpecs } from './arbitrary-stories';
import { seededRandom } from '@clawback/test-harness';

/** The affiliates a generated log credits. */
export const GENERATED_AFFILIATES = ['aff-0', 'aff-1', 'aff-2', 'aff-3', 'aff-4', 'aff-5'];

/**
 * Lifecycle events of `orders` generated orders of merchant `m` (stories as the order machine
 * allows them; one order in ten without an affiliate; EUR and USD), interleaved at random with
 * each order's own events in order. The same seed gives the same log.
 */
export function generatedLog(seed: number, orders: number): readonly LifecycleEvent[] {
  const specs = fc.sample(storySpecs, { seed, numRuns: orders });
  const queues = specs.map((spec, i) =>
    storyEvents(spec, true, {
      merchantId: 'm',
      orderRef: `o${i}`,
      provider: (['2checkout', 'kartra', 'click2sell'] as const)[i % 3],
      currency: i % 4 === 0 ? 'USD' : 'EUR',
      affiliateId: i % 10 === 9 ? null : GENERATED_AFFILIATES[i % GENERATED_AFFILIATES.length]!,
    }),
  );
  const random = seededRandom(seed);
  const log: LifecycleEvent[] = [];
  for (let open = queues.filter((q) => q.length > 0); open.length > 0;) {
    const queue = open[Math.floor(random() * open.length)]!;
    log.push(queue.shift()!);
    open = open.filter((q) => q.length > 0);
  }
  return log;
}
