// Issue 5 (cancellations), end to end from HTTP: signed provider notifications go through the
// real ingress, the order lifecycle and subscription-cancellations, which calls local webhook
// receivers that verify every Clawback-Signature the way docs/webhooks.md asks merchants to.
import {
  type CancellationDeadLetter,
  type CancellationEvent,
  type AvroCancellationEvent,
  fromAvroCancellation,
} from '@clawback/subscription-cancellations';
import {
  type WebhookReceiver,
  startWebhookReceiver,
} from '@clawback/subscription-cancellations/src/testing';
import { type TwoCheckoutIpnInput, kartraIpn, twoCheckoutIpn } from '@clawback/providers/testing';
import { type Pipeline, startPipeline } from './support/pipeline';
import { decodeValues, waitForGroupToCatchUp } from './support/topic-readers';

const TCO_SECRET = 'e2e-2checkout-secret-key';
const KARTRA_SECRET = 'e2e-kartra-ipn-secret';
const HOOK_SECRET = 'whsec_e2e_cancellations';

/** A one-line 2Checkout IPN for `refno`, with subscription `licenseRef`. */
const tco = (
  refno: string,
  licenseRef: string,
  amount: string,
  extra: Partial<TwoCheckoutIpnInput>,
) =>
  twoCheckoutIpn(
    {
      refno,
      currency: 'USD',
      lines: [{ pid: '40898000', name: 'Pro plan', qty: 1, price: amount, licenseRef }],
      ...extra,
    },
    { secretKey: TCO_SECRET },
  );

describe('subscription cancellations from HTTP (ingress, order lifecycle, subscription-cancellations)', () => {
  let pipeline: Pipeline;
  let steady: WebhookReceiver;
  let flaky: WebhookReceiver;
  let down: WebhookReceiver;

  beforeAll(async () => {
    steady = await startWebhookReceiver(HOOK_SECRET);
    // Fails the first two deliveries of every subscription, then confirms.
    flaky = await startWebhookReceiver(HOOK_SECRET, (_ref, delivery) =>
      delivery <= 2 ? 503 : 200,
    );
    down = await startWebhookReceiver(HOOK_SECRET, () => 503);
    const merchant = (receiver: WebhookReceiver) => ({
      '2checkout': { secretKey: TCO_SECRET },
      kartra: { secretKey: KARTRA_SECRET, urlToken: 'e2e-kartra-url-token' },
      cancellation: {
        adapter: 'webhook',
        onPartialRefund: 'keep',
        webhook: { url: `${receiver.url}/hooks/clawback`, secret: HOOK_SECRET },
      },
    });
    pipeline = await startPipeline({
      merchants: { steady: merchant(steady), flaky: merchant(flaky), down: merchant(down) },
      downstream: ['subscription-cancellations'],
    });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await Promise.all([steady, flaky, down].map((receiver) => receiver?.close()));
  });

  it('cancels once per money-back event, through valid signatures; a flaky receiver books once; a dead one ends in the dead-letter topic', async () => {
    const twoCheckout = (merchantId: string) => ({ provider: '2checkout', merchantId });
    const steady2co = twoCheckout('steady');
    const finalRefund = tco('72000001', 'TCO-SUB-A', '50.00', {
      status: 'REFUND',
      refundType: 'PARTIAL',
      ipnDate: '20260303100000',
    });
    const posts = [
      // A: a partial refund keeps the subscription (onPartialRefund: keep); the remainder cancels it.
      [steady2co, tco('72000001', 'TCO-SUB-A', '60.00', { ipnDate: '20260301100000' })],
      [
        steady2co,
        tco('72000001', 'TCO-SUB-A', '10.00', {
          status: 'REFUND',
          refundType: 'PARTIAL',
          ipnDate: '20260302100000',
        }),
      ],
      [steady2co, finalRefund],
      // The provider retries the final refund: no second cancellation.
      [steady2co, finalRefund],
      // B: a chargeback opened, then lost.
      [steady2co, tco('72000002', 'TCO-SUB-B', '25.00', { ipnDate: '20260301110000' })],
      [
        steady2co,
        tco('72000002', 'TCO-SUB-B', '25.00', {
          chargebackResolution: 'OPEN',
          chargebackReasonCode: 'FRAUD',
          ipnDate: '20260304110000',
        }),
      ],
      [
        steady2co,
        tco('72000002', 'TCO-SUB-B', '25.00', {
          chargebackResolution: 'LOST',
          chargebackReasonCode: 'FRAUD',
          ipnDate: '20260310110000',
        }),
      ],
      // C: a pending payment that is then denied.
      [
        steady2co,
        tco('72000003', 'TCO-SUB-C', '30.00', { status: 'PENDING', ipnDate: '20260301120000' }),
      ],
      [
        steady2co,
        tco('72000003', 'TCO-SUB-C', '30.00', { status: 'CANCELED', ipnDate: '20260305120000' }),
      ],
      // D: a chargeback won keeps the subscription.
      [steady2co, tco('72000004', 'TCO-SUB-D', '40.00', { ipnDate: '20260301130000' })],
      [
        steady2co,
        tco('72000004', 'TCO-SUB-D', '40.00', {
          chargebackResolution: 'OPEN',
          ipnDate: '20260304130000',
        }),
      ],
      [
        steady2co,
        tco('72000004', 'TCO-SUB-D', '40.00', {
          chargebackResolution: 'WON',
          ipnDate: '20260309130000',
        }),
      ],
      // E: a Kartra sale and its refund of the whole amount.
      [
        { provider: 'kartra', merchantId: 'steady' },
        kartraIpn(
          { transactionId: '9001', subscriptionId: 'KSUB-E', amount: '47.00' },
          { secretKey: KARTRA_SECRET },
        ),
      ],
      [
        { provider: 'kartra', merchantId: 'steady' },
        kartraIpn(
          {
            transactionId: '9002',
            parentId: '9001',
            type: 'refund',
            subscriptionId: 'KSUB-E',
            amount: '47.00',
          },
          { secretKey: KARTRA_SECRET },
        ),
      ],
      // F: refunded in full at a receiver that fails twice first.
      [twoCheckout('flaky'), tco('72000005', 'TCO-SUB-F', '20.00', { ipnDate: '20260301140000' })],
      [
        twoCheckout('flaky'),
        tco('72000005', 'TCO-SUB-F', '20.00', {
          status: 'REFUND',
          refundType: 'FULL',
          ipnDate: '20260302140000',
        }),
      ],
      // G: refunded in full at a receiver that never answers 2xx.
      [twoCheckout('down'), tco('72000006', 'TCO-SUB-G', '20.00', { ipnDate: '20260301150000' })],
      [
        twoCheckout('down'),
        tco('72000006', 'TCO-SUB-G', '20.00', {
          status: 'REFUND',
          refundType: 'FULL',
          ipnDate: '20260302150000',
        }),
      ],
    ] as const;
    for (const [route, fixture] of posts)
      expect((await pipeline.post(route, fixture)).status).toBe(200);

    // Everything posted has been decided by the lifecycle, and everything it decided has been
    // acted on (outputs are committed with the offsets, so they are all readable now).
    const { context, env, registry } = pipeline;
    await waitForGroupToCatchUp(context, env.LIFECYCLE_GROUP_ID!, context.topics.notificationsRaw);
    await waitForGroupToCatchUp(
      context,
      env.CANCELLATIONS_GROUP_ID!,
      context.topics.lifecycleEvents,
    );

    const records = await context.readAll(context.topics.cancellations, { timeoutMs: 30_000 });
    const events = (await decodeValues<AvroCancellationEvent>(registry, records)).map((value) =>
      fromAvroCancellation(value)!,
    );
    const summary = (event: CancellationEvent) =>
      `${event.merchantId} ${event.subscriptionRef} ${event.cause} ${event.type}` +
      (event.type === 'SubscriptionCancellationRequested' ? '' : ` after ${event.attempts}`);
    expect(events.map(summary).sort()).toEqual([
      'down TCO-SUB-G full_refund SubscriptionCancellationFailed after 4',
      'down TCO-SUB-G full_refund SubscriptionCancellationRequested',
      'flaky TCO-SUB-F full_refund SubscriptionCancellationRequested',
      'flaky TCO-SUB-F full_refund SubscriptionCancelled after 3',
      'steady KSUB-E full_refund SubscriptionCancellationRequested',
      'steady KSUB-E full_refund SubscriptionCancelled after 1',
      'steady TCO-SUB-A full_refund SubscriptionCancellationRequested',
      'steady TCO-SUB-A full_refund SubscriptionCancelled after 1',
      'steady TCO-SUB-B chargeback_lost SubscriptionCancellationRequested',
      'steady TCO-SUB-B chargeback_lost SubscriptionCancelled after 1',
      'steady TCO-SUB-C payment_denied SubscriptionCancellationRequested',
      'steady TCO-SUB-C payment_denied SubscriptionCancelled after 1',
    ]);

    // Every delivery carried a valid signature; each subscription was booked exactly once.
    for (const receiver of [steady, flaky, down]) expect(receiver.refused).toEqual([]);
    expect(steady.verified.map((body) => body.subscriptionRef).sort()).toEqual([
      'KSUB-E',
      'TCO-SUB-A',
      'TCO-SUB-B',
      'TCO-SUB-C',
    ]);
    expect([...steady.bookings].map(([ref, keys]) => [ref, keys.size]).sort()).toEqual([
      ['KSUB-E', 1],
      ['TCO-SUB-A', 1],
      ['TCO-SUB-B', 1],
      ['TCO-SUB-C', 1],
    ]);
    // The flaky receiver saw the same idempotency key three times and booked it once.
    expect(flaky.verified.map((body) => body.idempotencyKey)).toEqual(
      Array(3).fill(flaky.verified[0]!.idempotencyKey),
    );
    expect([...flaky.bookings].map(([ref, keys]) => [ref, keys.size])).toEqual([['TCO-SUB-F', 1]]);
    expect(down.verified).toHaveLength(4);
    expect(down.bookings.size).toBe(0);

    const deadLetters = await decodeValues<CancellationDeadLetter>(
      registry,
      await context.readAll(context.topics.cancellationsDlq, { timeoutMs: 30_000 }),
    );
    expect(
      deadLetters.map((letter) => ({
        ref: letter.cancellation?.subscriptionRef,
        code: letter.errorCode,
        retriable: letter.retriable,
        stage: letter.stage,
      })),
    ).toEqual([
      { ref: 'TCO-SUB-G', code: 'receiver_unavailable', retriable: true, stage: 'cancel' },
    ]);
  });
});
