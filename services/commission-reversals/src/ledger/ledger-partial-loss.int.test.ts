import type { Redis } from '@clawback/redis';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import { CommissionError } from '../commission-error';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { decideEvents } from '../rules/decide-events';
import { OrderStory } from '../testing/lifecycle-events';
import { ledgerContents } from '../testing/ledger-contents';
import { testTerms } from '../testing/terms';
import { LedgerAudit } from './ledger-audit';
import { affiliateLedgerKeys, GENERATION_KEY, manifestKey } from './ledger-keys';
import { LedgerStore } from './ledger-store';
import { readLedger } from './read-ledger';

let ctx: TestContext;
let redis: Redis;
beforeEach(async () => {
  ctx = await createTestContext({ topics: [] });
  redis = await ctx.redis();
});
afterEach(() => ctx.dispose());

/** Two affiliates' adjustments: the first `booked` are booked, the rest come after the loss. */
function adjustments(): readonly CommissionAdjustment[] {
  const a = new OrderStory({ merchantId: 'm', orderRef: 'A', affiliateId: 'aff-1' });
  const b = new OrderStory({ merchantId: 'm', orderRef: 'B', affiliateId: 'aff-2' });
  const events = [a.paidWith(10_000), b.paidWith(4_000), a.refund(2_500), b.refund(1_000)];
  return decideEvents(new Map(), events, () => testTerms('0.30')).adjustments;
}

/** Every key of the ledger, by the role it plays. */
const ROLES = {
  marker: () => GENERATION_KEY,
  manifest: (g: string) => manifestKey(g),
  'aff-1 entries': (g: string) => affiliateLedgerKeys(g, 'm', 'aff-1').entries,
  'aff-1 totals': (g: string) => affiliateLedgerKeys(g, 'm', 'aff-1').totals,
  'aff-1 booked': (g: string) => affiliateLedgerKeys(g, 'm', 'aff-1').booked,
} as const;

async function readRejection(affiliateId: string): Promise<string> {
  try {
    const page = await readLedger(redis, 'm', affiliateId, { cursor: 0, limit: 10 });
    return page === undefined ? 'absent' : `${page.totalEntries} entries`;
  } catch (error) {
    return error instanceof CommissionError ? error.code : String(error);
  }
}

describe('ledger store: each key lost on its own (real Redis)', () => {
  it.each(Object.keys(ROLES) as (keyof typeof ROLES)[])(
    'given the %s deleted, then the loss is detected, nothing is read as absent or booked into holes, and a rebuild gives the same ledger',
    async (role) => {
      const store = new LedgerStore(redis);
      const audit = new LedgerAudit(redis);
      const all = adjustments();
      const first = await store.generation();
      expect(await store.book(first, all.slice(0, 2))).toEqual(['booked', 'booked']);
      expect(await store.advance(first, 't', 0, null, '2')).toBe('moved');
      const before = await ledgerContents(redis, 'm', 'aff-1');
      expect(before.entries).toHaveLength(1);

      expect(await redis.del(ROLES[role](first))).toBe(1);

      // Read side: never "no entries", always "being rebuilt".
      expect(await readRejection('aff-1')).toBe('ledger_rebuilding');
      // Write side: the loss is seen before anything is written on top of it.
      const seen = {
        current: await store.isCurrent(first),
        audit: await audit.step(first),
        redo: await store.book(first, all.slice(0, 1)),
        next: await store.book(first, all.slice(2, 3)),
      };
      if (role === 'marker') {
        expect(seen.current).toBe(false);
      } else if (role === 'manifest') {
        expect(seen).toMatchObject({ current: false, redo: ['lost'], next: ['lost'] });
        expect(await store.advance(first, 't', 0, '2', '3')).toBe('lost');
        await expect(store.position(first, 't', 0)).rejects.toMatchObject({ code: 'ledger_lost' });
      } else {
        expect(seen).toEqual({ current: true, audit: false, redo: ['lost'], next: ['lost'] });
      }

      // The rebuild: a new generation, projected from the beginning, equals the ledger before.
      await store.abandon(first);
      const second = await store.generation();
      expect(second).not.toBe(first);
      expect(await store.position(second, 't', 0)).toBeNull();
      expect(await store.book(second, all.slice(0, 2))).toEqual(['booked', 'booked']);
      expect(await ledgerContents(redis, 'm', 'aff-1')).toEqual(before);
      expect(await audit.step(second)).toBe(true);
      // Writers still on the abandoned generation are refused.
      expect(await store.book(first, all.slice(3))).toEqual(['lost']);
    },
  );

  it('given an affiliate that never had an entry, then it reads as absent, not as lost', async () => {
    const store = new LedgerStore(redis);
    const generation = await store.generation();
    await store.book(generation, adjustments().slice(0, 1));
    expect(await readRejection('nobody')).toBe('absent');
    expect(await readRejection('aff-1')).toBe('1 entries');
  });

  it('given no generation at all, then a read says rebuilding, never absent', async () => {
    expect(await readRejection('aff-1')).toBe('ledger_rebuilding');
  });
});
