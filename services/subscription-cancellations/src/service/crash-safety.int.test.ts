import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ChildService,
  seededRandom,
  startChildService,
  waitFor,
} from '@clawback/test-harness';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from '../testing/cancellations-fixture';
import { chargebackLost, paymentDenied, refundApplied } from '../testing/lifecycle-events';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver';

/** The service's entry point, started as a child process. */
const serviceMain = resolve(__dirname, '../main.ts');

// Several process starts and group rejoins: more than the integration project's ceiling.
jest.setTimeout(300_000);

const SECRET = 'whsec_crash_test';
const KILLS = 4;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(seed);

describe(`crash safety (SIGKILL at random moments, seed via CRASH_SEED)`, () => {
  let fixture: CancellationsFixture;
  let receiver: WebhookReceiver;
  let dir: string;
  let running: ChildService | undefined;

  beforeEach(async () => {
    fixture = await createCancellationsFixture();
    receiver = await startWebhookReceiver(SECRET);
    dir = mkdtempSync(join(tmpdir(), 'cancellations-crash-'));
  });
  afterEach(async () => {
    if (running && !running.hasExited()) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await receiver.close();
    await fixture.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(): ChildService {
    const merchantsFile = join(dir, 'merchants.json');
    writeFileSync(
      merchantsFile,
      JSON.stringify({
        shop: {
          click2sell: { secretKey: 'c2s' },
          cancellation: {
            adapter: 'webhook',
            onPartialRefund: 'cancel',
            webhook: { url: `${receiver.url}/hooks`, secret: { env: 'SHOP_WEBHOOK_SECRET' } },
          },
        },
      }),
    );
    const { settings } = fixture;
    running = startChildService(serviceMain, {
      KAFKA_TOPIC_PREFIX: fixture.ctx.id,
      REDIS_KEY_PREFIX: fixture.redisKeyPrefix,
      CLAWBACK_MERCHANTS_FILE: merchantsFile,
      SHOP_WEBHOOK_SECRET: SECRET,
      CANCELLATIONS_GROUP_ID: settings.groupId,
      CANCELLATIONS_TRANSACTIONAL_ID_PREFIX: settings.transactionalIdPrefix,
      CANCELLATIONS_SESSION_TIMEOUT_MS: '6000',
      CANCELLATIONS_RECORDS_PER_TRANSACTION: '3',
      CANCELLATIONS_CALL_CONCURRENCY: '2',
      CANCELLATIONS_INITIAL_DELAY_MS: '20',
      CANCELLATIONS_MAX_DELAY_MS: '200',
      OBSERVABILITY_PORT: '0',
      LOG_LEVEL: 'warn',
    });
    return running;
  }

  it('given the consumer killed at random moments, then no subscription is cancelled twice and none is missing', async () => {
    const expected: string[] = [];
    const events = Array.from({ length: 30 }, (_, i) => {
      const refs = Array.from({ length: 1 + (i % 2) }, (_, j) => `S${i}-${j}`);
      expected.push(...refs);
      const order = { merchantId: 'shop', orderRef: `o${i}`, subscriptionRefs: refs };
      return [chargebackLost(order), paymentDenied(order), refundApplied('full', order)][i % 3]!;
    });
    await fixture.produce(events);

    const kills: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      const child = start();
      // Kill once the receiver has seen a few more deliveries: right around outbound calls,
      // Redis records and transaction commits, the moments a crash can double or lose work.
      const target = receiver.requests.length + 1 + Math.floor(random() * 6);
      await waitFor(() => receiver.requests.length >= target || child.hasExited(), {
        timeoutMs: 90_000,
        intervalMs: 5,
        description: `${target} deliveries (seed ${seed}); output: ${child.output()}`,
      });
      if (child.hasExited()) throw new Error(`the service exited by itself: ${child.output()}`);
      child.child.kill('SIGKILL');
      await child.exited;
      kills.push(receiver.requests.length);
    }
    const last = start();
    await fixture.consumedAll(120_000);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const context = `seed ${seed}, killed after deliveries ${kills.join(', ')}`;
    const booked = [...receiver.bookings].map(([ref, keys]) => `${ref}×${keys.size}`).sort();
    expect({ context, booked }).toEqual({
      context,
      booked: expected.map((ref) => `${ref}×1`).sort(),
    });
    expect(receiver.refused).toEqual([]);

    const cancellations = await fixture.cancellations();
    const count = (type: string) =>
      cancellations
        .filter((e) => e.type === type)
        .map((e) => e.subscriptionRef)
        .sort();
    expect({ context, cancelled: count('SubscriptionCancelled') }).toEqual({
      context,
      cancelled: [...expected].sort(),
    });
    expect(count('SubscriptionCancellationRequested')).toEqual([...expected].sort());
    expect(count('SubscriptionCancellationFailed')).toEqual([]);
    expect(await fixture.deadLetters()).toEqual([]);
  });
});
