import type { Case, DeadLetter, OrderTimeline } from '../client/wire';
import { caseDetail } from './case-detail';
import { casesTable } from './cases-table';
import { deadLettersTable } from './dead-letters-table';
import { money } from './money';
import { timelineTable } from './timeline-table';

const orphan: Case = {
  caseId: 'case-00aa11bb22cc33dd',
  kind: 'rejected',
  orderKey: 'kartra:acme:refund-77',
  merchantId: 'acme',
  provider: 'kartra',
  reasonCode: 'orphan',
  detail: 'no sale for this refund within the horizon',
  subjectId: 'kartra:acme:refund:77',
  amounts: { currency: 'USD', amount: 2500, applied: 0, excess: null },
  firstSeen: '2026-12-02T10:00:00.000Z',
  lastSeen: '2026-12-02T10:00:00.000Z',
  status: 'open',
  resolutions: [],
  allowedResolutions: ['attach', 'dismiss'],
};

describe('money', () => {
  it('prints minor units in the currency exponent, with the code', () => {
    expect(money(10000, 'USD')).toBe('100.00 USD');
    expect(money(-3000, 'EUR')).toBe('-30.00 EUR');
    expect(money(500, 'JPY')).toBe('500 JPY');
    expect(money(1234, 'KWD')).toBe('1.234 KWD');
    expect(money(7, 'usd')).toBe('7 usd (minor units)');
    expect(money(7, null)).toBe('7 (minor units)');
    expect(money(null, 'USD')).toBe('');
  });
});

describe('tables', () => {
  it('shows an order timeline with outcomes, event types, amounts, signature schemes and positions', () => {
    const timeline: OrderTimeline = {
      orderKey: '2checkout:acme:1001',
      entries: [
        {
          kind: 'notification',
          topic: 't.payments.notifications.raw',
          partition: 2,
          offset: '14',
          at: '2026-12-02T10:00:00.000Z',
          summary: '2checkout notification',
          outcome: 'rejected',
          reason: 'over_refund',
          signatureScheme: 'sha3-256',
          currency: 'USD',
          amount: 4000,
        },
        {
          kind: 'event',
          topic: 't.orders.lifecycle.events',
          partition: 2,
          offset: '9',
          at: '2026-12-02T10:00:01.000Z',
          summary: 'RefundApplied partial',
          type: 'RefundApplied',
          currency: 'USD',
          amount: 3000,
        },
      ],
    };
    expect(timelineTable(timeline).split('\n')).toEqual([
      'order 2checkout:acme:1001 (2 records)',
      '',
      'at                        kind          what                       amount  scheme    p:offset  summary',
      '------------------------  ------------  ----------------------  ---------  --------  --------  ----------------------',
      '2026-12-02T10:00:00.000Z  notification  rejected (over_refund)  40.00 USD  sha3-256      2:14  2checkout notification',
      '2026-12-02T10:00:01.000Z  event         RefundApplied           30.00 USD                 2:9  RefundApplied partial',
      '',
    ]);
  });

  it('lists cases with their amounts, and says when there are none', () => {
    const resolved: Case = {
      ...orphan,
      caseId: 'case-ff',
      reasonCode: 'over_refund',
      status: 'resolved',
      amounts: { currency: 'EUR', amount: 5000, applied: 2000, excess: 3000 },
    };
    const lines = casesTable([orphan, resolved]).split('\n');
    expect(lines[0]).toMatch(
      /^case\s+status\s+kind\s+reason\s+order\s+amount\s+applied\s+first seen$/,
    );
    expect(lines[2]).toMatch(
      /^case-00aa11bb22cc33dd\s+open\s+rejected\s+orphan\s+kartra:acme:refund-77\s+25\.00 USD\s+2026-12-02T10:00:00\.000Z$/,
    );
    expect(lines[3]).toMatch(/^case-ff\s+resolved\s+.*50\.00 EUR\s+20\.00 EUR\s+2026/);
    expect(lines[4]).toBe('2 cases');
    expect(casesTable([])).toBe('no cases\n');
  });

  it('shows one case with what may resolve it, then its resolutions and their outcomes', () => {
    expect(caseDetail(orphan)).toContain('may resolve  attach, dismiss');
    expect(caseDetail(orphan)).toMatch(/amount\s+25\.00 USD\napplied\s+0\.00 USD\n/);
    expect(caseDetail(orphan)).toMatch(/no resolutions yet\n$/);
    const attached: Case = {
      ...orphan,
      status: 'resolved',
      amounts: { currency: 'USD', amount: 2500, applied: 2500, excess: 0 },
      resolutions: [
        {
          commandId: 'op-1',
          resolution: 'attach',
          operatorId: 'alice',
          reason: 'buyer emailed the order number',
          orderKey: 'kartra:acme:1001',
          eventIds: ['op-1#0'],
          refusal: null,
        },
        {
          commandId: 'op-0',
          resolution: 'apply',
          operatorId: 'alice',
          reason: 'try',
          orderKey: 'kartra:acme:refund-77',
          eventIds: ['op-0#0'],
          refusal: 'apply does not fit orphan',
        },
      ],
    };
    const text = caseDetail(attached);
    expect(text).toMatch(/^status\s+resolved$/m);
    expect(text).toMatch(/^excess\s+0\.00 USD$/m);
    expect(text).toMatch(
      /^op-1\s+attach\s+alice\s+kartra:acme:1001\s+events op-1#0\s+buyer emailed the order number$/m,
    );
    expect(text).toMatch(
      /^op-0\s+apply\s+alice\s+kartra:acme:refund-77\s+refused: apply does not fit orphan\s+try$/m,
    );
  });

  it('lists dead letters one line each, cutting long messages', () => {
    const dead: DeadLetter = {
      id: 'raw-1-7',
      queue: 'raw',
      orderKey: 'kartra:acme:9',
      merchantId: 'acme',
      provider: 'kartra',
      errorCode: 'malformed_body',
      errorMessage: `body is not JSON: ${'x'.repeat(80)}`,
      deadLetteredAt: Date.UTC(2026, 11, 2, 10),
      caseId: 'case-77',
    };
    const lines = deadLettersTable([dead]).split('\n');
    expect(lines[2]).toMatch(
      /^raw-1-7\s+raw\s+case-77\s+kartra:acme:9\s+malformed_body\s+2026-12-02T10:00:00\.000Z\s+body is not JSON: x+…$/,
    );
    expect(lines[2]!.endsWith(`${'x'.repeat(41)}…`)).toBe(true);
    expect(lines[3]).toBe('1 dead letter');
    expect(deadLettersTable([])).toBe('no dead letters\n');
  });
});
