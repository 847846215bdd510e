import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger } from '@clawback/logging';
import {
  type ChildService,
  seededRandom,
  startChildService,
  waitFor,
} from '@clawback/test-harness';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { decideEvents } from '../rules/decide-events';
import { type CommissionsFixture, createCommissionsFixture } from '../testing/commissions-fixture';
import { GENERATED_AFFILIATES, generatedLog } from '../testing/generated-log';
import { ledgerContents } from '../testing/ledger-contents';
import { ledgerPosition } from '../testing/ledger-position';
import { parseCommissionTerms } from '../terms/commission-terms';

/** The service's entry point, started as a child process. */
const serviceMain = resolve(__dirname, '../main.ts');

jest.setTimeout(900_000);

const KILLS = 5;
const ORDERS = 400;
const COMMISSION = { defaultRate: '0.25' };
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

describe(`crash safety (child process, SIGKILL at random moments; seed ${seed} via CRASH_SEED)`, () => {
  let fixture: CommissionsFixture;
  let dir: string;
  let running: ChildService | undefined;

  beforeEach(async () => {
    fixture = await createCommissionsFixture(4);
    dir = mkdtempSync(join(tmpdir(), 'commissions-crash-'));
  });
  afterEach(async () => {
    await running?.stop('SIGKILL');
    await fixture.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(): ChildService {
    const merchantsFile = join(dir, 'merchants.json');
    writeFileSync(
      merchantsFile,
      JSON.stringify({ m: { click2sell: { secretKey: 'crash' }, commission: COMMISSION } }),
    );
    const { ctx, settings } = fixture;
    running = startChildService(
      serviceMain,
      {
        KAFKA_TOPIC_PREFIX: ctx.id,
        REDIS_KEY_PREFIX: fixture.redisKeyPrefix,
        CLAWBACK_MERCHANTS_FILE: merchantsFile,
        COMMISSIONS_GROUP_ID: settings.groupId,
        COMMISSIONS_TRANSACTIONAL_ID_PREFIX: settings.transactionalIdPrefix,
        COMMISSIONS_SESSION_TIMEOUT_MS: '6000',
        COMMISSIONS_MAX_BATCH_BYTES: '2048',
        COMMISSIONS_RECORDS_PER_TRANSACTION: '4',
        COMMISSIONS_LEDGER_CHECK_INTERVAL_MS: '500',
        OBSERVABILITY_PORT: '0',
        LOG_LEVEL: 'warn',
      },
      { keepChunks: 300 },
    );
    return running;
  }

  /** Lifecycle records the decider committed plus adjustments the ledger booked. */
  async function progress(): Promise<bigint> {
    const { ctx, settings, redis } = fixture;
    const committed = await ctx.admin.fetchOffsets({
      groupId: settings.groupId,
      topics: [ctx.topics.lifecycleEvents],
    });
    let done = 0n;
    for (const { offset } of committed[0]?.partitions ?? [])
      if (BigInt(offset) > 0n) done += BigInt(offset);
    for (let partition = 0; partition < 4; partition++) {
      const booked = await ledgerPosition(redis, ctx.topics.commissionAdjustments, partition);
      if (booked !== null) done += BigInt(booked);
    }
    return done;
  }

  it('given the service killed at random moments, then every adjustment is published and booked exactly once', async () => {
    const random = seededRandom(seed);
    const events = generatedLog(seed, ORDERS);
    await fixture.produce(events);
    const terms = parseCommissionTerms(COMMISSION, 'm');
    const expected = decideEvents(new Map(), events, () => terms).adjustments;
    // Adjustment offsets also count transaction markers: an upper bound of the work is enough.
    const total = BigInt(events.length + expected.length);

    const points = Array.from({ length: KILLS }, () => random())
      .sort((a, b) => a - b)
      .map((fraction) => (total * BigInt(Math.floor(fraction * 850 + 50))) / 1000n);
    const kills: string[] = [];
    for (const point of points) {
      const child = start();
      await waitFor(async () => child.hasExited() || (await progress()) >= point, {
        timeoutMs: 180_000,
        intervalMs: 20,
        description: `progress ${point} of ${total} (seed ${seed}); output: ${child.output()}`,
      });
      if (child.hasExited()) throw new Error(`the service exited by itself: ${child.output()}`);
      await child.stop('SIGKILL');
      kills.push(String(await progress()));
    }
    const last = start();
    await fixture.settled(300_000);
    expect(await last.stop('SIGTERM')).toBe(0);
    running = undefined;

    const context = `seed ${seed}, killed at progress ${kills.join(', ')} of ${total}`;
    const published = await fixture.adjustments();
    const ids = published.map((a) => a.adjustmentId);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect({ context, duplicates }).toEqual({ context, duplicates: [] });
    const sorted = (list: readonly CommissionAdjustment[]) =>
      [...list].sort((a, b) => a.adjustmentId.localeCompare(b.adjustmentId));
    expect(sorted(published)).toEqual(sorted(expected));

    for (const affiliateId of GENERATED_AFFILIATES) {
      const own = published.filter((a) => a.affiliateId === affiliateId);
      const ledger = await ledgerContents(fixture.redis, 'm', affiliateId);
      // Booked once each, in the order of the affiliate's partition.
      expect({ context, affiliateId, booked: ledger.entries.map((e) => e.adjustmentId) }).toEqual({
        context,
        affiliateId,
        booked: own.map((a) => a.adjustmentId),
      });
      const sums = new Map<string, number>();
      for (const a of own) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.amount);
      expect(new Map(ledger.balances.map((b) => [b.currency, b.balance]))).toEqual(sums);
    }
    createLogger({ service: 'crash-safety-test' }).info(
      { seed, kills, events: events.length, adjustments: expected.length },
      'crash test figures',
    );
  });
});
