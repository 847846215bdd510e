import { deleteKeysByPrefix, type Redis } from '@clawback/redis';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { decideEvents } from '../rules/decide-events';
import { OrderStory } from '../testing/lifecycle-events';
import { testTerms } from '../testing/terms';
import { LedgerStore } from './ledger-store';
import { readLedger } from './read-ledger';

let ctx: TestContext;
let redis: Redis;
beforeEach(async () => {
  ctx = await createTestContext({ topics: [] });
  redis = await ctx.redis();
});
afterEach(() => ctx.dispose());

function adjustments(commission: number | null = null): readonly CommissionAdjustment[] {
  const order = new OrderStory({ merchantId: 'm', orderRef: '1', commission });
  const events = [order.paidWith(10_000), order.refund(2_500), order.chargebackOpened()];
  return decideEvents(new Map(), events, () => testTerms('0.30')).adjustments;
}

describe('ledger store (real Redis)', () => {
  it('given a batch booked but its position not moved (a crash), when redone, then nothing is booked twice', async () => {
    const store = new LedgerStore(redis);
    const generation = await store.generation();
    const batch = adjustments();
    expect(await store.book(generation, batch.slice(0, 2))).toEqual(['booked', 'booked']);
    // The process died here; the next owner books the whole batch again.
    expect(await store.book(generation, batch)).toEqual(['duplicate', 'duplicate', 'booked']);
    const page = await readLedger(redis, 'm', 'aff-1', { cursor: 0, limit: 10 });
    expect(page?.entries.map((e) => [e.amount, e.balanceAfter])).toEqual([
      [3000, 3000],
      [-750, 2250],
      [-2250, 0],
    ]);
    expect(page?.balances).toEqual([
      { currency: 'EUR', balance: 0, earned: 3000, reversed: 3000, reinstated: 0 },
    ]);
  });

  it('given several affiliates interleaved, more adjustments of one than a script call takes and an id twice, then each affiliate books in order, each id once', async () => {
    const store = new LedgerStore(redis);
    const generation = await store.generation();
    const terms = () => testTerms('0.30');
    const events = [];
    for (let i = 0; i < 140; i++) {
      const affiliateId = i % 2 === 0 ? 'aff-1' : 'aff-2';
      events.push(new OrderStory({ merchantId: 'm', orderRef: `${i}`, affiliateId }).paidWith(100));
    }
    const paid = decideEvents(new Map(), events, terms).adjustments;
    const batch = [...paid, paid[1]!];
    const results = await store.book(generation, batch);
    expect(results).toEqual([...paid.map(() => 'booked'), 'duplicate']);
    const first = await readLedger(redis, 'm', 'aff-1', { cursor: 0, limit: 100 });
    expect(first?.entries.map((e) => [e.orderRef, e.balanceAfter])).toEqual(
      Array.from({ length: 70 }, (_, k) => [`${2 * k}`, 30 * (k + 1)]),
    );
    const second = await readLedger(redis, 'm', 'aff-2', { cursor: 0, limit: 100 });
    expect(second?.balances[0]?.balance).toBe(70 * 30);
    // Redone after a crash: nothing twice, across the groups of one call's size.
    const again = await store.book(generation, [...paid, ...paid]);
    expect(again.every((result) => result === 'duplicate')).toBe(true);
  });

  it('keeps amounts up to the largest safe integer exact', async () => {
    const store = new LedgerStore(redis);
    const generation = await store.generation();
    const huge = Number.MAX_SAFE_INTEGER;
    await store.book(generation, adjustments(huge).slice(0, 1));
    const page = await readLedger(redis, 'm', 'aff-1', { cursor: 0, limit: 10 });
    expect(page?.entries[0]?.balanceAfter).toBe(huge);
    expect(page?.balances[0]?.balance).toBe(huge);
  });

  it('moves a position only from where it was', async () => {
    const store = new LedgerStore(redis);
    const generation = await store.generation();
    expect(await store.position(generation, 't', 0)).toBeNull();
    expect(await store.advance(generation, 't', 0, null, '5')).toBe('moved');
    expect(await store.advance(generation, 't', 0, null, '9')).toBe('elsewhere');
    expect(await store.advance(generation, 't', 0, '4', '9')).toBe('elsewhere');
    expect(await store.advance(generation, 't', 0, '5', '9')).toBe('moved');
    expect(await store.position(generation, 't', 0)).toBe('9');
  });

  it('given Redis wiped, then the generation is no longer current and a new one starts empty', async () => {
    const store = new LedgerStore(redis);
    const first = await store.generation();
    await store.book(first, adjustments());
    await store.advance(first, 't', 0, null, '3');
    expect(await store.isCurrent(first)).toBe(true);
    await deleteKeysByPrefix(redis, '');
    expect(await store.isCurrent(first)).toBe(false);
    const second = await store.generation();
    expect(second).not.toBe(first);
    expect(await store.position(second, 't', 0)).toBeNull();
    expect(await readLedger(redis, 'm', 'aff-1', { cursor: 0, limit: 10 })).toBeUndefined();
    // A booking still in flight into the old generation is refused: its manifest is gone.
    expect(await store.book(first, adjustments())).toEqual(['lost', 'lost', 'lost']);
    expect(await readLedger(redis, 'm', 'aff-1', { cursor: 0, limit: 10 })).toBeUndefined();
  });
});
