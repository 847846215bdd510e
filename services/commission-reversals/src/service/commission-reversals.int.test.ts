import { deleteKeysByPrefix } from '@clawback/redis';
import { waitFor } from '@clawback/test-harness';
import { runLedgerCommand } from '../cli/ledger-command';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import type { AffiliateLedgerPage } from '../ledger/read-ledger';
import { type CommissionsFixture, createCommissionsFixture } from '../testing/commissions-fixture';
import { handComputedStory, STORY_MERCHANTS } from '../testing/hand-computed-story';
import { OrderStory } from '../testing/lifecycle-events';

jest.setTimeout(180_000);

let fixture: CommissionsFixture;
beforeEach(async () => {
  fixture = await createCommissionsFixture();
});
afterEach(() => fixture.dispose());

/** `type reason amount` per order, in each order's own sequence. */
function byOrder(adjustments: readonly CommissionAdjustment[]): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  for (const a of adjustments) {
    (lines[a.orderKey] ??= []).push(`${a.type} ${a.reason} ${a.amount}`);
  }
  return lines;
}

/** What the read API answers: a ledger page or an error body. */
type Answer = AffiliateLedgerPage & { readonly error: { readonly code: string } };

async function getJson(port: number, path: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as Answer };
}

/** Every entry's running balance is the previous one's plus its amount (per currency). */
function expectRunningBalances(page: AffiliateLedgerPage): void {
  const running = new Map<string, number>();
  for (const entry of page.entries) {
    const balance = (running.get(entry.currency) ?? 0) + entry.amount;
    expect(entry.balanceAfter).toBe(balance);
    running.set(entry.currency, balance);
  }
  for (const { currency, balance } of page.balances) expect(running.get(currency)).toBe(balance);
}

describe('commission reversals (real Kafka, registry and Redis)', () => {
  it('given the hand-computed story, then adjustments, ledger balances and entries are exactly as computed', async () => {
    const story = handComputedStory();
    await fixture.produce(story.events);
    const service = await fixture.start(STORY_MERCHANTS, true);
    await fixture.settled();

    expect(byOrder(await fixture.adjustments())).toEqual(story.expected);

    const port = service.httpPort!;
    const aff1 = await getJson(port, '/v1/affiliates/shop/aff-1');
    expect(aff1.status).toBe(200);
    expect(aff1.body.balances).toEqual([
      { currency: 'EUR', balance: 864, earned: 5634, reversed: 5757, reinstated: 987 },
    ]);
    expect(aff1.body.totalEntries).toBe(11);
    expect(aff1.body.nextCursor).toBeNull();
    expectRunningBalances(aff1.body);
    const aff2 = await getJson(port, '/v1/affiliates/shop/aff-2');
    expect(aff2.body.balances).toEqual([
      { currency: 'USD', balance: 225, earned: 900, reversed: 675, reinstated: 0 },
    ]);
    expect(aff2.body.entries.map((e) => e.amount).sort()).toEqual([-600, -75, 300, 600].sort());

    // Paged: 11 entries by 4, the cursors chaining to the same entries.
    const pages: unknown[] = [];
    let cursor: string | null = '0';
    while (cursor !== null) {
      const page = await getJson(port, `/v1/affiliates/shop/aff-1?limit=4&cursor=${cursor}`);
      pages.push(...page.body.entries);
      cursor = page.body.nextCursor;
    }
    expect(pages).toEqual(aff1.body.entries);

    expect((await getJson(port, '/v1/affiliates/shop/nobody')).status).toBe(404);
    expect((await getJson(port, '/v1/affiliates/shop/aff-1?limit=0')).body.error.code).toBe(
      'invalid_arguments',
    );
    expect((await getJson(port, '/healthz')).status).toBe(200);

    let printed = '';
    const code = await runLedgerCommand(
      ['shop', 'aff-1'],
      { ...process.env, REDIS_KEY_PREFIX: fixture.redisKeyPrefix },
      { out: (text) => (printed += text), err: (text) => (printed += text) },
    );
    expect(code).toBe(0);
    expect(printed).toMatch(/^EUR\s+8\.64\s+56\.34\s+57\.57\s+9\.87$/m);
    expect(printed).toMatch(
      /CommissionReinstated\s+chargeback_won\s+2checkout:shop:B\s+EUR\s+9\.87/,
    );
  });

  it('given a restart with a changed rate, then old sales reverse from their stored commission and only new sales use the new rate', async () => {
    const f = new OrderStory({ merchantId: 'shop', orderRef: 'F', affiliateId: 'aff-2' });
    await fixture.produce([f.paidWith(1000), f.refund(250)]);
    const first = await fixture.start(STORY_MERCHANTS);
    await fixture.settled();
    await first.stop();

    const g = new OrderStory({ merchantId: 'shop', orderRef: 'G', affiliateId: 'aff-2' });
    await fixture.produce([f.refund(250), g.paidWith(1000)]);
    const raised = { shop: { ...STORY_MERCHANTS.shop, commission: { defaultRate: '0.50' } } };
    const second = await fixture.start(raised);
    await fixture.settled();

    expect(byOrder(await fixture.adjustments())).toEqual({
      [f.orderKey]: [
        'CommissionEarned order_paid 300',
        'CommissionReversed refund_partial -75',
        // round(300 × 500 / 1000) = 150, from the 300 stored at OrderPaid, not 0.50 × 1000
        'CommissionReversed refund_partial -75',
      ],
      [g.orderKey]: ['CommissionEarned order_paid 500'],
    });
    const ledger = await second.ledger('shop', 'aff-2');
    expect(ledger?.balances).toEqual([
      { currency: 'EUR', balance: 650, earned: 800, reversed: 150, reinstated: 0 },
    ]);
  });

  it('given Redis wiped while running, then the ledger is projected again from the beginning with every entry once', async () => {
    const story = handComputedStory();
    await fixture.produce(story.events);
    const service = await fixture.start(STORY_MERCHANTS);
    await fixture.settled();
    const before = await service.ledger('shop', 'aff-1', { cursor: 0, limit: 1000 });
    const rebuilds = async () =>
      (await service.metrics.ledgerRebuilds.get()).values.reduce((n, v) => n + v.value, 0);
    const rebuiltBefore = await rebuilds();

    await deleteKeysByPrefix(fixture.redis, '');
    await waitFor(
      async () => {
        const after = await service.ledger('shop', 'aff-1', { cursor: 0, limit: 1000 });
        return after?.totalEntries === 11 ? after : undefined;
      },
      { timeoutMs: 60_000, description: 'the rebuilt ledger of aff-1' },
    );
    await fixture.settled();
    const after = await service.ledger('shop', 'aff-1', { cursor: 0, limit: 1000 });
    expect(after?.balances).toEqual(before?.balances);
    expect(after?.entries).toEqual(before?.entries);
    expect(await rebuilds()).toBeGreaterThan(rebuiltBefore);
  });
});
