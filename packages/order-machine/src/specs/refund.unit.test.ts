import { pendingPayment, refund, sale } from '../testing/notifications';
import { businessFields, given, when } from '../testing/scenario';

const lines = [
  { lineId: 'p1', name: 'Course', quantity: 2, amount: 6000 },
  { lineId: 'p2', name: 'Ebook', quantity: 1, amount: 4000 },
];
const refundOf = (lineId: string, quantity: number, amount: number) =>
  refund(amount, { lines: [{ lineId, name: lineId, quantity, amount }] });
const statedRefundOf = (lineId: string, quantity: number, amount: number) =>
  refund(amount, {
    lines: [{ lineId, name: lineId, quantity, amount }],
    lineQuantities: 'refunded_units',
  });

describe('refunds', () => {
  it('given a paid order, when a partial refund arrives, then RefundApplied{partial} with cumulative totals', () => {
    const { state, events } = when(given(sale(10000)), refund(2500));
    expect(state.status).toBe('partiallyRefunded');
    expect(events).toMatchObject([
      {
        type: 'RefundApplied',
        amount: 2500,
        refundedTotal: 2500,
        remaining: 7500,
        paid: 10000,
        kind: 'partial',
      },
    ]);
  });

  it('given partial refunds, when another one arrives, then the totals accumulate', () => {
    const { state, events } = when(given(sale(10000), refund(2500), refund(2500)), refund(1000));
    expect(state.refundedTotal).toBe(6000);
    expect(events).toMatchObject([
      { refundedTotal: 6000, remaining: 4000, kind: 'partial', sequence: 4 },
    ]);
  });

  it('given partial refunds, when a refund of exactly the remainder arrives, then RefundApplied{full}', () => {
    const { state, events } = when(given(sale(10000), refund(2500)), refund(7500));
    expect(state.status).toBe('refunded');
    expect(events).toMatchObject([
      { amount: 7500, refundedTotal: 10000, remaining: 0, kind: 'full' },
    ]);
  });

  it('given a paid order, when a refund of everything arrives, then RefundApplied{full}', () => {
    const { state, events } = when(given(sale(10000)), refund(10000, { refundScope: 'total' }));
    expect(state.status).toBe('refunded');
    expect(events).toMatchObject([{ type: 'RefundApplied', kind: 'full', remaining: 0 }]);
  });

  it('given a partial refund, when a refund above the remainder arrives, then over_refund and nothing changes', () => {
    const before = given(sale(10000), refund(6000));
    const { state, events } = when(before, refund(4001));
    expect(events).toMatchObject([
      { type: 'NotificationRejected', reason: 'over_refund', amount: 4001 },
    ]);
    expect(businessFields(state)).toEqual(businessFields(before));
  });

  it('given a fully refunded order, when any refund arrives, then over_refund', () => {
    const { state, events } = when(given(sale(100), refund(100)), refund(1));
    expect(events).toMatchObject([{ reason: 'over_refund' }]);
    expect(state.status).toBe('refunded');
  });

  it('given a partial refund, when a total refund arrives, then total_refund_after_partial', () => {
    const before = given(sale(10000), refund(1000));
    const { state, events } = when(before, refund(9000, { refundScope: 'total' }));
    expect(events).toMatchObject([{ reason: 'total_refund_after_partial' }]);
    expect(businessFields(state)).toEqual(businessFields(before));
  });

  it('given a total refund, when a second total refund arrives, then second_total_refund', () => {
    const before = given(sale(10000), refund(10000, { refundScope: 'total' }));
    const { events } = when(before, refund(10000, { refundScope: 'total' }));
    expect(events).toMatchObject([{ reason: 'second_total_refund' }]);
  });

  it('given a paid order, when a total refund of less than paid arrives, then total_refund_amount_mismatch', () => {
    const { state, events } = when(given(sale(10000)), refund(9000, { refundScope: 'total' }));
    expect(events).toMatchObject([{ reason: 'total_refund_amount_mismatch' }]);
    expect(state.status).toBe('paid');
  });

  it('given a paid order, when a refund of zero arrives, then invalid_notification', () => {
    expect(when(given(sale(100)), refund(0)).events).toMatchObject([
      { reason: 'invalid_notification' },
    ]);
  });

  describe('per-line quantities', () => {
    it('given one unit of a line refunded, when its second unit is refunded, then it applies', () => {
      const before = given(sale(10000, { lines }), refundOf('p1', 1, 3000));
      const { state, events } = when(before, refundOf('p1', 1, 3000));
      expect(events).toMatchObject([
        { type: 'RefundApplied', lines: [{ lineId: 'p1', quantity: 1 }] },
      ]);
      expect(state.lines.find((l) => l.lineId === 'p1')?.refundedQuantity).toBe(2);
    });

    it('given both units of a line refunded, when stated units exceed what was sold, then it applies capped by amount with a warning', () => {
      const before = given(sale(10000, { lines }), statedRefundOf('p1', 2, 3000));
      const { state, events } = when(before, statedRefundOf('p1', 1, 1000));
      expect(events).toMatchObject([
        {
          type: 'RefundApplied',
          amount: 1000,
          refundedTotal: 4000,
          warnings: [{ code: 'refunded_units_exceed_sold' }],
        },
      ]);
      expect(state.lines.find((l) => l.lineId === 'p1')?.refundedQuantity).toBe(2);
    });

    it('given stated units above what was sold, when the amount exceeds what remains, then over_refund still refuses it', () => {
      const before = given(sale(10000, { lines }), statedRefundOf('p1', 2, 9000));
      expect(when(before, statedRefundOf('p1', 1, 1001)).events).toMatchObject([
        { type: 'NotificationRejected', reason: 'over_refund' },
      ]);
    });

    it('given a sale with lines, when a refund names another line, then it applies with an unknown_line warning', () => {
      expect(when(given(sale(10000, { lines })), refundOf('p9', 1, 100)).events).toMatchObject([
        { type: 'RefundApplied', amount: 100, warnings: [{ code: 'unknown_line' }] },
      ]);
    });

    it('given a sale with lines, when a refund gives no quantity, then only the amount is capped', () => {
      const { events } = when(given(sale(10000, { lines })), refundOf('p1', 0, 500));
      expect(events).toMatchObject([{ type: 'RefundApplied', amount: 500 }]);
    });
  });

  it('given a pending order, when a refund arrives, then it waits for the capture', () => {
    const { state, events } = when(given(pendingPayment(100)), refund(40));
    expect(events).toEqual([]);
    expect(state.parked).toHaveLength(1);
    const paid = when(state, sale(100));
    expect(paid.events.map((e) => e.type)).toEqual(['OrderPaid', 'RefundApplied']);
  });
});
