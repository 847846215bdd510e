import { OrderMachineError } from '../order-machine-error';
import { notification, refund, sale } from '../testing/notifications';
import { given, when } from '../testing/scenario';

describe('screening (every state)', () => {
  it('given any order, when an unsupported notification arrives, then unsupported_notification', () => {
    const { state, events } = when(
      given(sale(100)),
      notification('unsupported', { providerStatus: 'HOLD' }),
    );
    expect(events).toMatchObject([
      {
        type: 'NotificationRejected',
        reason: 'unsupported_notification',
        notificationKind: 'unsupported',
      },
    ]);
    expect(state.status).toBe('paid');
  });

  it.each([
    ['a negative amount', { amount: -5 }],
    ['a fractional amount', { amount: 1.5 }],
    ['a lower-case currency', { currency: 'usd' }],
    [
      'a fractional line quantity',
      { lines: [{ lineId: 'a', name: 'a', quantity: 0.5, amount: 1 }] },
    ],
    ['an inconsistent orderKey', { orderRef: 'other' }],
    // Same key length, the separator elsewhere: '2checkout:m:1:9001' is not '2checkout:m-1:9001'.
    ['an orderKey split elsewhere', { merchantId: 'm', orderRef: '1:9001' }],
    ['an orderKey with another provider', { provider: 'kartra' as const }],
    ['an orderKey with a longer orderRef', { orderRef: '90011' }],
    ['an orderKey with a shorter orderRef', { orderRef: '900' }],
  ])('given a paid order, when a refund has %s, then invalid_notification', (_what, fields) => {
    expect(when(given(sale(100)), refund(10, fields)).events).toMatchObject([
      { reason: 'invalid_notification' },
    ]);
  });

  it("given an order, when another order's notification is applied to it, then order_mismatch", () => {
    const foreign = refund(10, { orderRef: '42', orderKey: '2checkout:m-1:42' });
    expect(when(given(sale(100)), foreign).events).toMatchObject([{ reason: 'order_mismatch' }]);
  });

  it.each([
    ['no provider time', { occurredAt: 'yesterday' }],
    ['no id', { notificationId: '' }],
  ])(
    'given any order, when a notification has %s, then decide throws unplaceable_notification',
    (_what, fields) => {
      expect(() => when(given(sale(100)), refund(10, fields))).toThrow(
        expect.objectContaining({ code: 'unplaceable_notification', retriable: false }),
      );
    },
  );

  it('given no state, when a watermark arrives, then decide throws missing_state', () => {
    expect(() => when(undefined, { watermark: '2026-01-31T12:00:00Z' })).toThrow(OrderMachineError);
  });

  it('given a persisted state with an unknown status, when restored, then invalid_state', () => {
    const broken = { ...given(sale(100)), status: 'lost' } as unknown as ReturnType<typeof given>;
    expect(() => when(broken, refund(1))).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('given a sale, when its event is derived, then occurredAt is normalized to milliseconds UTC', () => {
    const { events } = when(undefined, sale(100, { occurredAt: '2026-02-01T08:30:00Z' }));
    expect(events[0]?.occurredAt).toBe('2026-02-01T08:30:00.000Z');
  });
});
