import { setTimeout as pause } from 'node:timers/promises';
import { createLogger } from '@clawback/logging';
import { loseRandomHalf, seededRandom } from '@clawback/test-harness';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from '../testing/cancellations-fixture';
import { chargebackLost, paymentDenied } from '../testing/lifecycle-events';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver';

jest.setTimeout(240_000);

const SECRET = 'whsec_partial_loss';
const SUBSCRIPTIONS = 40;
const LOSS_ROUNDS = 12;
const seed = Number(process.env.LOSS_SEED ?? 20261202);

describe(`partial Redis loss while running (seed ${seed} via LOSS_SEED)`, () => {
  let fixture: CancellationsFixture;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    fixture = await createCancellationsFixture();
    receiver = await startWebhookReceiver(SECRET);
  });
  afterEach(async () => {
    await fixture.dispose();
    await receiver.close();
  });

  it('given the service’s keys deleted at random while events flow, then every subscription is cancelled once and the topic is as without loss', async () => {
    const random = seededRandom(seed);
    const redis = await fixture.ctx.redis();
    const service = await fixture.start(
      {
        shop: {
          click2sell: { secretKey: 'c2s' },
          cancellation: {
            adapter: 'webhook',
            webhook: { url: `${receiver.url}/hooks`, secret: SECRET },
          },
        },
      },
      (settings) => ({ ...settings, recordsPerTransaction: 3 }),
    );
    const refs = Array.from({ length: SUBSCRIPTIONS }, (_, i) => `S${i}`);
    // First causes, then second causes for the same subscriptions (renewal orders) and new ones:
    // a lost "already cancelled" record read as "not cancelled" would call a second time.
    const first = refs.map((ref, i) =>
      chargebackLost({ merchantId: 'shop', orderRef: `a${i}`, subscriptionRefs: [ref] }),
    );
    const second = refs.map((ref, i) =>
      paymentDenied({ merchantId: 'shop', orderRef: `b${i}`, subscriptionRefs: [ref, `N${i}`] }),
    );
    let deleted = 0;
    const loseWhileFlowing = async () => {
      for (let round = 0; round < LOSS_ROUNDS; round++) {
        deleted += await loseRandomHalf(redis, random);
        await pause(50); // spaces the losses over the load; outcomes are awaited with waitFor
      }
    };
    await fixture.produce(first);
    await loseWhileFlowing();
    await fixture.consumedAll(120_000);
    await fixture.produce(second);
    await loseWhileFlowing();
    await fixture.consumedAll(120_000);

    const everyRef = [...refs, ...refs.map((_, i) => `N${i}`)].sort();
    const booked = [...receiver.bookings].map(([ref, keys]) => `${ref}×${keys.size}`).sort();
    expect(booked).toEqual(everyRef.map((ref) => `${ref}×1`).sort());
    expect(receiver.refused).toEqual([]);
    const events = await fixture.cancellations();
    const refsOf = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map((e) => e.subscriptionRef)
        .sort();
    expect(refsOf('SubscriptionCancelled')).toEqual(everyRef);
    expect(refsOf('SubscriptionCancellationRequested')).toEqual(everyRef);
    expect(refsOf('SubscriptionCancellationFailed')).toEqual([]);
    // Cancelled by the first cause, not by the renewal.
    expect(
      events
        .filter((e) => e.type === 'SubscriptionCancelled' && e.subscriptionRef.startsWith('S'))
        .every((e) => e.cause === 'chargeback_lost'),
    ).toBe(true);
    expect(await fixture.deadLetters()).toEqual([]);

    const rebuilds = (await service.metrics.recordRebuilds.get()).values;
    const lostRebuilds = rebuilds.find((v) => v.labels.trigger === 'lost')?.value ?? 0;
    expect(deleted).toBeGreaterThan(0);
    expect(lostRebuilds).toBeGreaterThan(0);
    createLogger({ service: 'partial-loss-test' }).info(
      {
        seed,
        events: first.length + second.length,
        keysDeleted: deleted,
        rebuilds: lostRebuilds,
        deliveries: receiver.verified.length,
        distinctCancellations: receiver.bookings.size,
      },
      'partial Redis loss figures (cancellations)',
    );
  });
});
