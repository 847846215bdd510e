import type { OrderState } from './order-state';

/**
 * The provider time (epoch ms) from which a watermark tick will turn the oldest parked
 * notification into an orphan, or `null` when nothing is parked. Lets the consumer tick only
 * orders that have something to expire.
 */
export function orphanDeadline(state: OrderState, orphanHorizonMs: number): number | null {
  if (state.parked.length === 0) return null;
  return Math.min(...state.parked.map((p) => Date.parse(p.occurredAt))) + orphanHorizonMs;
}
