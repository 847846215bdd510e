import { orphanDeadline } from '../state/orphan-deadline';
import { notification, pendingPayment, refund, sale } from '../testing/notifications';
import { HORIZON_MS, given, when } from '../testing/scenario';

const at = (iso: string) => ({ occurredAt: iso });
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const T0 = '2026-01-31T12:00:00.000Z';

describe('out-of-order arrivals', () => {
  it('given no sale yet, when a refund arrives, then it is parked and nothing is emitted', () => {
    const { state, events } = when(undefined, refund(100));
    expect(events).toEqual([]);
    expect(state.status).toBe('awaitingSale');
    expect(state.parked).toHaveLength(1);
  });

  it('given parked refunds, when the sale arrives, then they apply after OrderPaid in arrival order', () => {
    const first = refund(300);
    const second = refund(200);
    const { state, events } = when(given(first, second), sale(1000));
    expect(events.map((e) => [e.type, e.causationId, e.sequence])).toEqual([
      ['OrderPaid', expect.any(String), 1],
      ['RefundApplied', first.notificationId, 2],
      ['RefundApplied', second.notificationId, 3],
    ]);
    expect(state.parked).toEqual([]);
    expect(state.refundedTotal).toBe(500);
  });

  it('given a parked over-refund, when the sale arrives, then it is rejected at that point', () => {
    const { events } = when(given(refund(2000)), sale(1000));
    expect(events.map((e) => e.type)).toEqual(['OrderPaid', 'NotificationRejected']);
    expect(events[1]).toMatchObject({ reason: 'over_refund' });
  });

  it('given a parked chargeback, when the sale arrives, then the order is disputed', () => {
    const { state, events } = when(given(notification('chargeback_opened')), sale(1000));
    expect(events.map((e) => e.type)).toEqual(['OrderPaid', 'ChargebackOpened']);
    expect(state.status).toBe('disputed');
  });

  it('given a parked denial, when the pending payment arrives, then the order is denied', () => {
    const { state, events } = when(given(notification('payment_denied')), pendingPayment(700));
    expect(events.map((e) => e.type)).toEqual(['PaymentPending', 'PaymentDenied']);
    expect(state.status).toBe('denied');
  });

  it('given a parked refund and denial, when the pending payment arrives, then the refund is refused after the denial', () => {
    const early = refund(100);
    const { state, events } = when(
      given(early, notification('payment_denied')),
      pendingPayment(700),
    );
    expect(events.map((e) => e.type)).toEqual([
      'PaymentPending',
      'PaymentDenied',
      'NotificationRejected',
    ]);
    expect(events[2]).toMatchObject({
      causationId: early.notificationId,
      reason: 'invalid_transition',
    });
    expect(state.parked).toEqual([]);
  });

  it('given a parked refund in EUR, when a USD sale arrives, then currency_mismatch', () => {
    const { events } = when(given(refund(100, { currency: 'EUR' })), sale(1000));
    expect(events[1]).toMatchObject({ type: 'NotificationRejected', reason: 'currency_mismatch' });
  });

  describe('overdue parked notifications (provider-time horizon): lateness never rejects a fact', () => {
    it('given a parked refund, when the watermark passes the horizon, then NotificationOverdue, and it stays parked', () => {
      const early = refund(100, at(T0));
      const { state, events } = when(given(early), { watermark: later(T0, HORIZON_MS) });
      expect(events).toMatchObject([
        {
          type: 'NotificationOverdue',
          eventId: `${early.notificationId}#overdue`,
          causationId: early.notificationId,
          notificationKind: 'refund',
          amount: 100,
          sequence: 1,
        },
      ]);
      expect(state.parked.map((p) => p.notificationId)).toEqual([early.notificationId]);
      expect(state.overdueNotificationIds).toEqual([early.notificationId]);
    });

    it('given a parked refund, when the watermark is just short of the horizon, then it stays parked', () => {
      const before = given(refund(100, at(T0)));
      const { state, events } = when(before, { watermark: later(T0, HORIZON_MS - 1) });
      expect(events).toEqual([]);
      expect(state).toEqual(before);
    });

    it('given an overdue refund already reported, when the watermark moves again, then nothing is reported twice', () => {
      const early = refund(100, at(T0));
      const reported = given(early, { watermark: later(T0, HORIZON_MS) });
      const { state, events } = when(reported, { watermark: later(T0, 3 * HORIZON_MS) });
      expect(events).toEqual([]);
      expect(state).toEqual(reported);
      expect(orphanDeadline(state, HORIZON_MS)).toBeNull();
    });

    it('given two parked refunds of different ages, when the watermark passes one, then only it is reported', () => {
      const old = refund(100, at(T0));
      const young = refund(50, at(later(T0, 1000)));
      const { state, events } = when(given(old, young), { watermark: later(T0, HORIZON_MS) });
      expect(events.map((e) => [e.type, e.causationId])).toEqual([
        ['NotificationOverdue', old.notificationId],
      ]);
      expect(state.parked.map((p) => p.notificationId)).toEqual([
        old.notificationId,
        young.notificationId,
      ]);
      expect(orphanDeadline(state, HORIZON_MS)).toBe(Date.parse(later(T0, 1000)) + HORIZON_MS);
    });

    it('given an overdue refund, when the sale finally arrives, then the refund is applied after it, in arrival order', () => {
      const first = refund(100, at(T0));
      const second = refund(50, at(later(T0, 1000)));
      const overdue = given(first, second, { watermark: later(T0, 2 * HORIZON_MS) });
      const { state, events } = when(overdue, sale(1000, at(later(T0, 2 * HORIZON_MS))));
      expect(events.map((e) => [e.type, e.causationId])).toEqual([
        ['OrderPaid', expect.any(String)],
        ['RefundApplied', first.notificationId],
        ['RefundApplied', second.notificationId],
      ]);
      expect(state.refundedTotal).toBe(150);
      expect(state.parked).toEqual([]);
      expect(state.overdueNotificationIds).toEqual([]);
      expect(when(state, first).events).toEqual([]);
    });
  });
});
