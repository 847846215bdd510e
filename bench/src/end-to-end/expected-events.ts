import type { SentRequest } from './paced-request';

const PAYMENTS = new Set(['payment_completed', 'payment_pending']);

/**
 * The measured requests that must each cause an event: answered 200, and no payment of the
 * same order went unanswered (shed or refused) before them, since a notification waiting for
 * a sale that never arrived is parked, not late. Those are counted as `blocked`. (Any other
 * notification causes an event whatever came before: applied or `NotificationRejected`.)
 */
export function expectedEvents(requests: readonly SentRequest[]): {
  readonly measured: SentRequest[];
  readonly blocked: number;
} {
  const broken = new Set<string>();
  const measured: SentRequest[] = [];
  let blocked = 0;
  for (const request of requests) {
    if (request.status !== 200 && PAYMENTS.has(request.kind)) broken.add(request.orderKey);
    if (request.status !== 200) continue;
    if (broken.has(request.orderKey)) blocked += request.warmUp ? 0 : 1;
    else if (!request.warmUp) measured.push(request);
  }
  return { measured, blocked };
}
