import { expectedEvents } from './expected-events';
import type { SentRequest } from './paced-request';

const sent = (orderKey: string, kind: string, status: number, warmUp = false): SentRequest => ({
  notificationId: `${orderKey}/${kind}/${status}`,
  orderKey,
  kind,
  startMs: 0,
  endMs: 1,
  status,
  warmUp,
});

describe('expectedEvents', () => {
  it('expects an event for every measured 200', () => {
    const requests = [sent('a', 'payment_completed', 200), sent('a', 'refund', 200)];
    expect(expectedEvents(requests)).toEqual({ measured: requests, blocked: 0 });
  });

  it('given a shed sale, then its later notifications are blocked, not expected', () => {
    const requests = [
      sent('a', 'payment_completed', -1),
      sent('a', 'refund', 200),
      sent('b', 'refund', 200),
    ];
    expect(expectedEvents(requests)).toEqual({ measured: [requests[2]], blocked: 1 });
  });

  it('given a shed refund, then later refunds of the order are still expected', () => {
    const requests = [
      sent('a', 'payment_completed', 200),
      sent('a', 'refund', -1),
      sent('a', 'refund', 200),
    ];
    expect(expectedEvents(requests).measured).toEqual([requests[0], requests[2]]);
  });

  it('leaves warm-up requests out of both figures, though a warm-up failure still blocks', () => {
    const requests = [
      sent('a', 'payment_pending', 503, true),
      sent('a', 'payment_completed', 200),
      sent('c', 'refund', 200, true),
    ];
    expect(expectedEvents(requests)).toEqual({ measured: [], blocked: 1 });
  });
});
