import { refund, sale } from '../testing/notifications';
import { given, run, when } from '../testing/scenario';

// A 2Checkout order of one unit at 100.00, refunded in three partial IPNs without REFUND_TYPE
// that repeat the order's IPN_QTY[]=1 (2Checkout documents refunding an order's total value
// through several partial refunds).
const oneUnit = [{ lineId: '101', name: 'Licence', quantity: 1, amount: 10000 }];
const repeatedQty = (amount: number) =>
  refund(amount, {
    lines: [{ lineId: '101', name: 'Licence', quantity: 1, amount }],
    lineQuantities: 'order_quantities',
  });

describe('refunds are money facts: quantities never refuse them', () => {
  it('given a one-unit 2Checkout order, when three partial refunds repeat the order quantity, then all three apply, the last full, with warnings once the quantity is implausible', () => {
    const { events } = run([
      sale(10000, { lines: oneUnit }),
      repeatedQty(3000),
      repeatedQty(5000),
      repeatedQty(2000),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'OrderPaid',
      'RefundApplied',
      'RefundApplied',
      'RefundApplied',
    ]);
    expect(events.slice(1)).toMatchObject([
      { amount: 3000, remaining: 7000, kind: 'partial', warnings: [] },
      {
        amount: 5000,
        remaining: 2000,
        kind: 'partial',
        warnings: [{ code: 'inferred_quantity_implausible' }],
      },
      {
        amount: 2000,
        remaining: 0,
        kind: 'full',
        warnings: [{ code: 'inferred_quantity_implausible' }],
      },
    ]);
  });

  it('given a refund without lineQuantities, when its quantity exceeds what was sold, then it is read as repeated order quantities', () => {
    const before = given(sale(10000, { lines: oneUnit }));
    const { events } = when(before, refund(4000, { lines: [{ ...oneUnit[0]!, quantity: 5 }] }));
    expect(events).toMatchObject([
      {
        type: 'RefundApplied',
        amount: 4000,
        warnings: [{ code: 'inferred_quantity_implausible' }],
      },
    ]);
  });

  it('given a fully refunded order, when a further refund arrives, then over_refund still refuses it (amount is the cap)', () => {
    const before = given(sale(10000, { lines: oneUnit }), repeatedQty(10000));
    expect(when(before, repeatedQty(1)).events).toMatchObject([
      { type: 'NotificationRejected', reason: 'over_refund' },
    ]);
  });
});
