import { resolutionFits } from '../lifecycle/operator-resolution';
import { notification, refund, sale } from '../testing/notifications';
import { operatorCommand, whenOperator } from '../testing/operator-commands';
import { HORIZON_MS, given, when } from '../testing/scenario';

const KARTRA = { provider: 'kartra', merchantId: 'm-1' } as const;
const kartraKey = (ref: string) => `kartra:m-1:${ref}`;
const onKartra = (ref: string) => ({ ...KARTRA, orderRef: ref, orderKey: kartraKey(ref) });
const later = (ms: number) => new Date(Date.parse('2026-01-31T12:00:00Z') + ms).toISOString();

describe('operator apply', () => {
  it('given an over-refund rejected, when an operator applies it, then the remainder is refunded under the command id', () => {
    const over = refund(1500);
    const state = given(sale(1000), refund(400), over);
    const command = operatorCommand('apply', over, { caseReason: 'over_refund' });
    const { state: next, events } = whenOperator(state, command);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'RefundApplied',
      eventId: `${command.commandId}#0`,
      causationId: command.commandId,
      amount: 600,
      refundedTotal: 1000,
      remaining: 0,
      kind: 'full',
      sequence: state.version + 1,
    });
    expect(next.status).toBe('refunded');
    expect(next.seenNotificationIds).toContain(command.commandId);
  });

  it('given an applied command, when the same command is read again, then nothing changes', () => {
    const over = refund(1500);
    const command = operatorCommand('apply', over);
    const once = whenOperator(given(sale(1000), over), command);
    const twice = whenOperator(once.state, command);
    expect(twice.events).toEqual([]);
    expect(twice.state).toEqual(once.state);
  });

  it('given a fully refunded order, when an over-refund is applied, then it is refused: nothing is left', () => {
    const over = refund(200);
    const command = operatorCommand('apply', over);
    const { state, events } = whenOperator(given(sale(1000), refund(1000), over), command);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'NotificationRejected',
        causationId: command.commandId,
        reason: 'invalid_transition',
        detail: 'operator apply: nothing is left to refund',
      }),
    ]);
    expect(state.refundedTotal).toBe(1000);
  });

  it('given a refund rejected for its lines, when applied, then it is refunded by amount only', () => {
    const line = { lineId: 'p-1', name: 'Course', quantity: 1, amount: 1000 };
    const tooMany = refund(300, { lines: [{ ...line, quantity: 2, amount: 300 }] });
    const state = given(sale(1000, { lines: [line] }), tooMany);
    const command = operatorCommand('apply', tooMany, { caseReason: 'over_refund_quantity' });
    const { events } = whenOperator(state, command);
    expect(events[0]).toMatchObject({ type: 'RefundApplied', amount: 300, lines: [] });
  });

  it('given a rejection that no apply fits, when applied, then it is refused with the reason', () => {
    const eur = refund(100, { currency: 'EUR' });
    const command = operatorCommand('apply', eur, { caseReason: 'currency_mismatch' });
    const { state, events } = whenOperator(given(sale(1000), eur), command);
    expect(events[0]).toMatchObject({
      type: 'NotificationRejected',
      detail: 'operator apply: does not fit a case of reason currency_mismatch',
    });
    expect(state.refundedTotal).toBe(0);
  });

  it('given a notification the order never saw, when applied, then it is refused', () => {
    const stranger = refund(100);
    const command = operatorCommand('apply', stranger);
    const { events } = whenOperator(given(sale(1000)), command);
    expect(events[0]).toMatchObject({
      type: 'NotificationRejected',
      causationId: command.commandId,
      detail: expect.stringContaining('was never seen'),
    });
  });

  it('given an overdue chargeback whose sale arrived, when nothing is resolved, then the dispute opened with the sale', () => {
    const early = notification('chargeback_opened', { amount: 1000 });
    const { state, events } = when(given(early, { watermark: later(HORIZON_MS) }), sale(1000));
    expect(events.map((e) => [e.type, e.causationId])).toEqual([
      ['OrderPaid', expect.any(String)],
      ['ChargebackOpened', early.notificationId],
    ]);
    expect(state.status).toBe('disputed');
  });

  it('given an orphan case of an older log, when applied, then it is refused (attach or dismiss it)', () => {
    expect(resolutionFits('apply', 'orphan')).toBe(false);
    expect(resolutionFits('attach', 'orphan')).toBe(true);
  });
});

describe('operator attach', () => {
  it('given a Kartra refund parked on an order of its own, when attached to its sale, then it is refunded there', () => {
    const orphanRefund = refund(250, onKartra('R-77'));
    const target = given(sale(1000, onKartra('S-1')));
    const command = operatorCommand('attach', orphanRefund, {
      ...onKartra('S-1'),
      caseReason: 'orphan',
    });
    const { state, events } = whenOperator(target, command);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'RefundApplied',
        orderKey: kartraKey('S-1'),
        causationId: command.commandId,
        amount: 250,
        kind: 'partial',
      }),
    ]);
    expect(state.seenNotificationIds).toEqual(
      expect.arrayContaining([orphanRefund.notificationId, command.commandId]),
    );
  });

  it('given a fact attached once, when another command attaches it again, then it is refused', () => {
    const orphanRefund = refund(250, onKartra('R-78'));
    const target = { ...onKartra('S-2'), caseReason: 'orphan' };
    const first = whenOperator(
      given(sale(1000, onKartra('S-2'))),
      operatorCommand('attach', orphanRefund, target),
    );
    const second = whenOperator(first.state, operatorCommand('attach', orphanRefund, target));
    expect(second.events[0]).toMatchObject({
      type: 'NotificationRejected',
      detail: expect.stringContaining('already on'),
    });
    expect(second.state.refundedTotal).toBe(250);
  });

  it('given an order without a sale, when a refund is attached, then it parks and applies with the sale', () => {
    const orphanRefund = refund(250, onKartra('R-79'));
    const command = operatorCommand('attach', orphanRefund, {
      ...onKartra('S-3'),
      caseReason: 'overdue',
    });
    const parked = whenOperator(undefined, command);
    expect(parked.events).toEqual([]);
    expect(parked.state.parked.map((p) => p.notificationId)).toEqual([command.commandId]);
    const { events } = when(parked.state, sale(1000, onKartra('S-3')));
    expect(events.map((e) => [e.type, e.causationId])).toEqual([
      ['OrderPaid', expect.any(String)],
      ['RefundApplied', command.commandId],
    ]);
  });

  it('given another merchant, when attached, then it is refused', () => {
    const foreign = refund(250, {
      ...onKartra('R-80'),
      merchantId: 'm-2',
      orderKey: 'kartra:m-2:R-80',
    });
    const command = operatorCommand('attach', foreign, {
      ...onKartra('S-4'),
      caseReason: 'orphan',
    });
    const { events } = whenOperator(given(sale(1000, onKartra('S-4'))), command);
    expect(events[0]).toMatchObject({ type: 'NotificationRejected', reason: 'invalid_transition' });
  });
});

describe('operator dismiss', () => {
  it('given a parked notification, when dismissed, then it leaves the queue and nothing is emitted', () => {
    const early = refund(100);
    const state = given(early);
    const command = operatorCommand('dismiss', early, { caseReason: 'overdue' });
    const { state: next, events } = whenOperator(state, command);
    expect(events).toEqual([]);
    expect(next.parked).toEqual([]);
    expect(next.version).toBe(state.version);
    expect(next.seenNotificationIds).toEqual([early.notificationId, command.commandId]);
  });

  it('given a dismissed notification, when its sale arrives, then it does not apply', () => {
    const early = refund(100);
    const dismissed = whenOperator(
      given(early),
      operatorCommand('dismiss', early, { caseReason: 'overdue' }),
    ).state;
    const { state, events } = when(dismissed, sale(1000));
    expect(events.map((e) => e.type)).toEqual(['OrderPaid']);
    expect(state.refundedTotal).toBe(0);
  });
});
