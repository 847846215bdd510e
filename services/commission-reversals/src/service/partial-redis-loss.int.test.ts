import { setTimeout as pause } from 'node:timers/promises';
import { createLogger } from '@clawback/logging';
import { loseRandomHalf, seededRandom, waitFor } from '@clawback/test-harness';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { decideEvents } from '../rules/decide-events';
import type { AffiliateLedgerPage } from '../ledger/read-ledger';
import { parseCommissionTerms } from '../terms/commission-terms';
import { type CommissionsFixture, createCommissionsFixture } from '../testing/commissions-fixture';
import { GENERATED_AFFILIATES, generatedLog } from '../testing/generated-log';

jest.setTimeout(300_000);

const ORDERS = 150;
const CHUNKS = 4;
const LOSS_ROUNDS_PER_CHUNK = 6;
const QUIET_LOSS_ROUNDS = 3;
const COMMISSION = { defaultRate: '0.25' };
const seed = Number(process.env.LOSS_SEED ?? 20261202);

/** Every entry and the balances of an affiliate through the read API; `undefined` unless 200. */
async function readAll(port: number, affiliateId: string) {
  const entries: AffiliateLedgerPage['entries'][number][] = [];
  let balances: AffiliateLedgerPage['balances'] = [];
  for (let cursor: string | null = '0'; cursor !== null;) {
    const response = await fetch(
      `http://127.0.0.1:${port}/v1/affiliates/m/${affiliateId}?limit=50&cursor=${cursor}`,
    );
    if (response.status !== 200) return { status: response.status };
    const page = (await response.json()) as AffiliateLedgerPage;
    entries.push(...page.entries);
    balances = page.balances;
    cursor = page.nextCursor;
  }
  return { status: 200, entries, balances };
}

describe(`partial Redis loss while running (seed ${seed} via LOSS_SEED)`, () => {
  let fixture: CommissionsFixture;
  beforeEach(async () => {
    fixture = await createCommissionsFixture(3);
  });
  afterEach(() => fixture.dispose());

  it('given the service’s keys deleted at random while events flow, then adjustments, ledger entries and balances are exactly those of a run without loss', async () => {
    const random = seededRandom(seed);
    const events = generatedLog(seed, ORDERS);
    const terms = parseCommissionTerms(COMMISSION, 'm');
    const expected = decideEvents(new Map(), events, () => terms).adjustments;
    const service = await fixture.start(
      { m: { click2sell: { secretKey: 'loss' }, commission: COMMISSION } },
      true,
    );
    const port = service.httpPort!;
    let deleted = 0;
    const size = Math.ceil(events.length / CHUNKS);
    for (let start = 0; start < events.length; start += size) {
      await fixture.produce(events.slice(start, start + size));
      for (let round = 0; round < LOSS_ROUNDS_PER_CHUNK; round++) {
        deleted += await loseRandomHalf(fixture.redis, random);
        await pause(100); // spaces the losses over the load; outcomes are awaited with waitFor
      }
    }

    // Then losses on a quiet ledger: nothing new to book, so only the checks can notice them.
    for (let round = 0; round < QUIET_LOSS_ROUNDS; round++) {
      await fixture.settled(180_000);
      deleted += await loseRandomHalf(fixture.redis, random);
    }

    const published = await waitFor(
      async () => {
        const all = await fixture.adjustments();
        return all.length >= expected.length ? all : undefined;
      },
      { timeoutMs: 120_000, description: `${expected.length} adjustments` },
    );
    const ids = published.map((a) => a.adjustmentId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const sorted = (list: readonly CommissionAdjustment[]) =>
      [...list].sort((a, b) => a.adjustmentId.localeCompare(b.adjustmentId));
    expect(sorted(published)).toEqual(sorted(expected));

    // The read API converges on the ledger a run without loss gives (503 while rebuilding).
    const want = new Map(
      GENERATED_AFFILIATES.map((affiliateId) => {
        const own = published.filter((a) => a.affiliateId === affiliateId);
        const sums = new Map<string, number>();
        for (const a of own) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.amount);
        return [affiliateId, { ids: own.map((a) => a.adjustmentId), sums }];
      }),
    );
    await fixture.settled(180_000);
    let missing = 0;
    let duplicates = 0;
    for (const [affiliateId, { ids: wantIds, sums }] of want) {
      const ledger = await waitFor(
        async () => {
          const read = await readAll(port, affiliateId);
          return read.status === 200 && read.entries!.length >= wantIds.length ? read : undefined;
        },
        { timeoutMs: 60_000, description: `the ledger of ${affiliateId}` },
      );
      const booked = ledger.entries!.map((e) => e.adjustmentId);
      missing += wantIds.filter((id) => !booked.includes(id)).length;
      duplicates += booked.length - new Set(booked).size;
      expect({ affiliateId, booked }).toEqual({ affiliateId, booked: wantIds });
      expect(new Map(ledger.balances!.map((b) => [b.currency, b.balance]))).toEqual(sums);
      const running = new Map<string, number>();
      for (const entry of ledger.entries!) {
        running.set(entry.currency, (running.get(entry.currency) ?? 0) + entry.amount);
        expect(entry.balanceAfter).toBe(running.get(entry.currency));
      }
    }
    const sum = async (metric: { get(): Promise<{ values: { value: number }[] }> }) =>
      (await metric.get()).values.reduce((n, v) => n + v.value, 0);
    const losses = await sum(service.metrics.ledgerLosses);
    const rebuilds = await sum(service.metrics.ledgerRebuilds);
    expect(deleted).toBeGreaterThan(0);
    expect(losses).toBeGreaterThan(0);
    expect({ missing, duplicates }).toEqual({ missing: 0, duplicates: 0 });
    createLogger({ service: 'partial-loss-test' }).info(
      {
        seed,
        events: events.length,
        adjustments: expected.length,
        keysDeleted: deleted,
        lossesDetected: losses,
        partitionRebuilds: rebuilds,
        missing,
        duplicates,
      },
      'partial Redis loss figures (commissions)',
    );
  });
});
