import { deleteKeysByPrefix } from '@clawback/redis';
import { waitFor } from '@clawback/test-harness';
import { verifyWebhook } from '@clawback/webhook-signature';
import { avangateAuthentication } from '../adapters/twocheckout/avangate-auth';
import type { CancellationEvent } from '../events/cancellation-event';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from '../testing/cancellations-fixture';
import {
  chargebackLost,
  orderPaid,
  paymentDenied,
  refundApplied,
} from '../testing/lifecycle-events';
import type { LocalServer } from '../testing/local-server';
import { startKartraFake, startTwoCheckoutFake } from '../testing/provider-fakes';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver';

const SECRET = 'whsec_int_test';
const kartraCredentials = { appId: 'APP', apiKey: 'KEY', apiPassword: 'PW' };

/** `type ref` per event, for compact assertions. */
const summary = (events: readonly CancellationEvent[]) =>
  events.map((e) => `${e.type} ${e.subscriptionRef}`).sort();

describe('subscription cancellations (real Kafka, registry, Redis; local receivers)', () => {
  let fixture: CancellationsFixture;
  const servers: LocalServer[] = [];
  const track = <T extends LocalServer>(server: T): T => {
    servers.push(server);
    return server;
  };

  beforeEach(async () => {
    fixture = await createCancellationsFixture();
  });
  afterEach(async () => {
    await fixture.dispose();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  const webhookMerchant = (receiver: WebhookReceiver, extra: object = {}) => ({
    click2sell: { secretKey: 'c2s' },
    cancellation: {
      adapter: 'webhook',
      webhook: { url: `${receiver.url}/hooks`, secret: SECRET },
      ...extra,
    },
  });

  it('cancels every subscription once through each adapter, with valid signatures', async () => {
    const hook = track(await startWebhookReceiver(SECRET));
    const tco = track(await startTwoCheckoutFake('MERCHANT', 'TCO_SECRET', ['T-ALREADY']));
    const kartra = track(await startKartraFake(kartraCredentials, ['K-ALREADY']));
    await fixture.start({
      hooks: webhookMerchant(hook),
      tco: {
        '2checkout': { secretKey: 'ipn' },
        cancellation: {
          adapter: '2checkout',
          onPartialRefund: 'cancel',
          '2checkout': { baseUrl: tco.url, merchantCode: 'MERCHANT', secretKey: 'TCO_SECRET' },
        },
      },
      kart: {
        kartra: { secretKey: 's', urlToken: 't' },
        cancellation: { adapter: 'kartra', kartra: { baseUrl: kartra.url, ...kartraCredentials } },
      },
    });
    await fixture.produce([
      orderPaid({ merchantId: 'hooks', orderRef: '1', subscriptionRefs: ['H-PAID'] }),
      refundApplied('full', {
        merchantId: 'hooks',
        orderRef: '1',
        subscriptionRefs: ['H-1', 'H-2'],
      }),
      refundApplied('partial', {
        merchantId: 'hooks',
        orderRef: '2',
        subscriptionRefs: ['H-KEPT'],
      }),
      chargebackLost({ merchantId: 'hooks', orderRef: '3', subscriptionRefs: ['H-3'] }),
      refundApplied('partial', { merchantId: 'tco', orderRef: '4', subscriptionRefs: ['T-1'] }),
      paymentDenied({ merchantId: 'tco', orderRef: '5', subscriptionRefs: ['T-ALREADY'] }),
      chargebackLost({
        merchantId: 'kart',
        provider: 'kartra',
        orderRef: '6',
        subscriptionRefs: ['K-1', 'K-ALREADY'],
      }),
    ]);
    await fixture.consumedAll();

    const events = await fixture.cancellations();
    const cancelled = ['H-1', 'H-2', 'H-3', 'T-1', 'T-ALREADY', 'K-1', 'K-ALREADY'];
    expect(summary(events)).toEqual(
      summary(
        cancelled.flatMap((ref) => [
          { type: 'SubscriptionCancellationRequested', subscriptionRef: ref },
          { type: 'SubscriptionCancelled', subscriptionRef: ref },
        ]) as CancellationEvent[],
      ),
    );
    const done = events.filter((e) => e.type === 'SubscriptionCancelled');
    expect(
      done
        .filter((e) => e.type === 'SubscriptionCancelled' && e.alreadyCancelled)
        .map((e) => e.subscriptionRef)
        .sort(),
    ).toEqual(['K-ALREADY', 'T-ALREADY']);
    expect(new Set(done.map((e) => e.attempts))).toEqual(new Set([1]));
    expect(await fixture.deadLetters()).toEqual([]);

    // The webhook receiver: each subscription delivered once, every signature valid.
    expect(hook.refused).toEqual([]);
    expect(hook.verified.map((body) => body.subscriptionRef).sort()).toEqual(['H-1', 'H-2', 'H-3']);
    for (const request of hook.requests) {
      expect(request.path).toBe('/hooks');
      expect(() =>
        verifyWebhook(SECRET, request.body, String(request.headers['clawback-signature']), {
          toleranceSec: 600,
        }),
      ).not.toThrow();
    }
    // 2Checkout: one authenticated DELETE per subscription (the fake refuses bad auth with 401).
    expect(tco.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /rest/6.0/subscriptions/T-1/',
      'DELETE /rest/6.0/subscriptions/T-ALREADY/',
    ]);
    const date = /date="([^"]+)"/.exec(
      String(tco.requests[0]!.headers['x-avangate-authentication']),
    )![1]!;
    expect(tco.requests[0]!.headers['x-avangate-authentication']).toBe(
      avangateAuthentication('MERCHANT', 'TCO_SECRET', Date.parse(`${date}Z`)),
    );
    // Kartra: one cancel_transaction per subscription id.
    expect(
      kartra.requests
        .map((r) =>
          new URLSearchParams(r.body.toString()).get(
            'actions[0][transaction_internal_subscription_id]',
          ),
        )
        .sort(),
    ).toEqual(['K-1', 'K-ALREADY']);
  });

  it('given a receiver that fails twice then succeeds, then exactly one cancellation succeeds', async () => {
    const hook = track(
      await startWebhookReceiver(SECRET, (_ref, delivery) => (delivery <= 2 ? 503 : 200)),
    );
    await fixture.start({ hooks: webhookMerchant(hook) });
    await fixture.produce([chargebackLost({ merchantId: 'hooks', subscriptionRefs: ['FLAKY'] })]);
    await fixture.consumedAll();

    expect(hook.verified).toHaveLength(3);
    expect(new Set(hook.verified.map((body) => body.idempotencyKey)).size).toBe(1);
    expect(hook.bookings.get('FLAKY')?.size).toBe(1);
    const events = await fixture.cancellations();
    expect(events.map((e) => `${e.type} ${e.attempts}`)).toEqual([
      'SubscriptionCancellationRequested 0',
      'SubscriptionCancelled 3',
    ]);
    expect(await fixture.deadLetters()).toEqual([]);
  });

  it('given a receiver that always fails or refuses, then the cancellation ends in the dead-letter topic', async () => {
    const hook = track(await startWebhookReceiver(SECRET, (ref) => (ref === 'DOWN' ? 500 : 410)));
    await fixture.start({ hooks: webhookMerchant(hook) });
    await fixture.produce([
      paymentDenied({ merchantId: 'hooks', orderRef: '1', subscriptionRefs: ['DOWN'] }),
      paymentDenied({ merchantId: 'hooks', orderRef: '2', subscriptionRefs: ['GONE'] }),
    ]);
    await fixture.consumedAll();

    const failed = (await fixture.cancellations()).filter(
      (e) => e.type === 'SubscriptionCancellationFailed',
    );
    expect(
      failed
        .map(
          (e) =>
            e.type === 'SubscriptionCancellationFailed' && [
              e.subscriptionRef,
              e.attempts,
              e.lastError.code,
              e.lastError.retriable,
            ],
        )
        .sort(),
    ).toEqual([
      ['DOWN', 3, 'receiver_unavailable', true],
      ['GONE', 1, 'receiver_rejected', false],
    ]);
    const letters = await fixture.deadLetters();
    expect(
      letters.map((l) => [l.cancellation?.subscriptionRef, l.errorCode, l.stage]).sort(),
    ).toEqual([
      ['DOWN', 'receiver_unavailable', 'cancel'],
      ['GONE', 'receiver_rejected', 'cancel'],
    ]);
    expect(hook.verified.map((b) => b.subscriptionRef).sort()).toEqual([
      'DOWN',
      'DOWN',
      'DOWN',
      'GONE',
    ]);
    expect(hook.bookings.size).toBe(0);
  });

  it('given Redis wiped after a cancellation, when restarted, then the subscription is not called again', async () => {
    const hook = track(await startWebhookReceiver(SECRET));
    const merchants = { hooks: webhookMerchant(hook) };
    const first = await fixture.start(merchants);
    await fixture.produce([
      chargebackLost({ merchantId: 'hooks', orderRef: '1', subscriptionRefs: ['ONCE'] }),
    ]);
    await fixture.consumedAll();
    await first.stop();
    // Lose everything the service keeps in Redis (this test's keys only).
    expect(await deleteKeysByPrefix(await fixture.ctx.redis(), '')).toBeGreaterThan(0);

    await fixture.start(merchants);
    // A renewal order of the same subscription is charged back, and another subscription too.
    await fixture.produce([
      chargebackLost({ merchantId: 'hooks', orderRef: '2', subscriptionRefs: ['ONCE', 'OTHER'] }),
    ]);
    await fixture.consumedAll();

    expect(hook.verified.map((body) => body.subscriptionRef).sort()).toEqual(['ONCE', 'OTHER']);
    expect(summary(await fixture.cancellations())).toEqual([
      'SubscriptionCancellationRequested ONCE',
      'SubscriptionCancellationRequested OTHER',
      'SubscriptionCancelled ONCE',
      'SubscriptionCancelled OTHER',
    ]);
  });

  it('given two instances in one group, then each subscription is cancelled once across rebalances', async () => {
    const hook = track(await startWebhookReceiver(SECRET));
    const merchants = { hooks: webhookMerchant(hook) };
    const refs = Array.from({ length: 12 }, (_, i) => `R${i}`);
    await fixture.start(merchants);
    await fixture.produce(
      refs
        .slice(0, 6)
        .map((ref, i) =>
          chargebackLost({ merchantId: 'hooks', orderRef: `a${i}`, subscriptionRefs: [ref] }),
        ),
    );
    // A second member joins while the first is working: partitions move between them.
    const second = await fixture.start(merchants);
    await second.joined;
    await fixture.produce(
      refs
        .slice(6)
        .map((ref, i) =>
          paymentDenied({ merchantId: 'hooks', orderRef: `b${i}`, subscriptionRefs: [ref] }),
        ),
    );
    await fixture.consumedAll();

    expect([...hook.bookings].map(([ref, keys]) => `${ref}×${keys.size}`).sort()).toEqual(
      refs.map((ref) => `${ref}×1`).sort(),
    );
    const cancelled = (await fixture.cancellations()).filter(
      (e) => e.type === 'SubscriptionCancelled',
    );
    expect(cancelled.map((e) => e.subscriptionRef).sort()).toEqual([...refs].sort());
  });

  it('given a stop during retries, then the slice stays uncommitted and the next start finishes it once', async () => {
    let failing = true;
    const hook = track(await startWebhookReceiver(SECRET, () => (failing ? 503 : 200)));
    const merchants = { hooks: webhookMerchant(hook) };
    const patient = await fixture.start(merchants, (settings) => ({
      ...settings,
      retry: {
        ...settings.retry,
        maxAttempts: 10,
        initialDelayMs: 600_000,
        maxDelayMs: 600_000,
        maxTotalMs: 3_600_000,
      },
    }));
    await fixture.produce([chargebackLost({ merchantId: 'hooks', subscriptionRefs: ['LATER'] })]);
    await waitFor(() => hook.verified.length >= 1, {
      timeoutMs: 60_000,
      description: 'a first delivery',
    });
    // Stopping interrupts the ten-minute backoff instead of sitting it out.
    await patient.stop();
    expect(await fixture.cancellations()).toEqual([]);

    failing = false;
    await fixture.start(merchants);
    await fixture.consumedAll();
    expect(hook.bookings.get('LATER')?.size).toBe(1);
    expect(summary(await fixture.cancellations())).toEqual([
      'SubscriptionCancellationRequested LATER',
      'SubscriptionCancelled LATER',
    ]);
  });
});
