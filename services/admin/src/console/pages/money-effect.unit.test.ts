import type { Case } from '../../cases/case';
import type { TimelineEntry } from '../../timeline/timeline-entry';
import { moneyEffect } from './money-effect';

const refundCase = { amounts: { amount: 2000, currency: 'USD', applied: 0, excess: null } } as Case;
const at = { topic: 't', partition: 0, offset: '0', at: '2026-03-02T10:00:00.000Z', summary: '' };
const target = [
  { ...at, kind: 'event', type: 'OrderPaid', amount: 10000, currency: 'USD', refundedTotal: null },
  {
    ...at,
    kind: 'commission_adjustment',
    affiliateId: 'aff-maria',
    earnedTotal: 3500,
    reversedTotal: 0,
  },
] as unknown as TimelineEntry[];

describe('the money effect a confirmation names', () => {
  it('given a 20.00 refund attached to a 100.00 sale earning 35.00, then it reverses 7.00', () => {
    expect(moneyEffect(refundCase, 'attach', 'kartra:m:S-1', target)).toBe(
      'applies 20.00 USD to kartra:m:S-1; reverses 7.00 USD commission for aff-maria',
    );
  });

  it('given a dismissal, then it says no money moves', () => {
    expect(moneyEffect(refundCase, 'dismiss', 'kartra:m:S-1', target)).toMatch(/^moves no money/);
  });
});
