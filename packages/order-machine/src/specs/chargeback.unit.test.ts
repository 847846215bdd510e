import { notification, refund, sale } from '../testing/notifications';
import { businessFields, given, when } from '../testing/scenario';

const opened = (amount = 0) => notification('chargeback_opened', { amount, reason: '4837' });
const won = () => notification('chargeback_won');
const lost = (amount = 0) => notification('chargeback_lost', { amount });

describe('chargebacks', () => {
  it('given a paid order, when a chargeback opens, then ChargebackOpened and the order is disputed', () => {
    const { state, events } = when(given(sale(5000)), opened());
    expect(state.status).toBe('disputed');
    expect(events).toMatchObject([{ type: 'ChargebackOpened', amount: 5000, reasonCode: '4837' }]);
  });

  it('given a partially refunded order, when a chargeback opens, then the remainder is disputed', () => {
    const { events } = when(given(sale(5000), refund(1000)), opened());
    expect(events).toMatchObject([{ type: 'ChargebackOpened', amount: 4000 }]);
  });

  it('given a paid order disputed, when the chargeback is won, then the order is paid again', () => {
    const before = given(sale(5000));
    const { state, events } = when(given(sale(5000), opened()), won());
    expect(events).toMatchObject([{ type: 'ChargebackWon', amount: 5000 }]);
    expect(state.status).toBe('paid');
    expect(businessFields(state)).toEqual(businessFields(before));
  });

  it('given a partially refunded order disputed, when the chargeback is won, then it is partially refunded again', () => {
    const disputed = given(sale(5000), refund(1000), opened(4000));
    const { state } = when(disputed, won());
    expect(state.status).toBe('partiallyRefunded');
    expect(state.refundedTotal).toBe(1000);
  });

  it('given a disputed order, when the chargeback is lost, then ChargebackLost and the funds are gone', () => {
    const disputed = given(sale(5000, { subscriptionRefs: ['SUB-1'] }), opened(5000));
    const { state, events } = when(disputed, lost());
    expect(events).toMatchObject([
      { type: 'ChargebackLost', amount: 5000, subscriptionRefs: ['SUB-1'] },
    ]);
    expect(state.status).toBe('chargebackLost');
    expect(state.chargedBackTotal).toBe(5000);
  });

  it('given a paid order, when a lost chargeback arrives without an opening, then ChargebackLost', () => {
    const { state, events } = when(given(sale(5000)), lost(5000));
    expect(events).toMatchObject([{ type: 'ChargebackLost', amount: 5000 }]);
    expect(state.status).toBe('chargebackLost');
  });

  it('given a lost chargeback, when a refund arrives, then invalid_transition', () => {
    const { events } = when(given(sale(5000), opened(), lost()), refund(100));
    expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'invalid_transition' }]);
  });

  it('given a disputed order, when a refund arrives, then invalid_transition and the totals stay', () => {
    const disputed = given(sale(5000), opened());
    const { state, events } = when(disputed, refund(100));
    expect(events).toMatchObject([{ reason: 'invalid_transition' }]);
    expect(businessFields(state)).toEqual(businessFields(disputed));
  });

  it.each([
    ['a fully refunded order', () => given(sale(100), refund(100))],
    ['a disputed order', () => given(sale(100), opened())],
  ])('given %s, when a chargeback opens, then invalid_transition', (_name, order) => {
    expect(when(order(), opened()).events).toMatchObject([{ reason: 'invalid_transition' }]);
  });

  it('given a paid order without dispute, when a chargeback is won, then invalid_transition', () => {
    expect(when(given(sale(100)), won()).events).toMatchObject([{ reason: 'invalid_transition' }]);
  });
});
