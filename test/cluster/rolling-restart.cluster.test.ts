// Issue 14: on a three-broker cluster (replication factor 3, min ISR 2), with a paced, bounded
// load of signed sales (every third one refunded in full after its 200) through two instances
// each of ingress, order-lifecycle, commission-reversals and subscription-cancellations, SIGTERM
// one instance at a time and start it again (waiting until every service is ready before the
// next); afterwards every notification answered 200 has exactly its event, every paid order
// exactly one commission earned and every refunded one exactly one reversed, every refunded
// subscription exactly one cancellation, booked once at the merchant's webhook stand-in; nothing
// is duplicated or missing, and every SIGTERM ended in exit 0.
import {
  type WebhookReceiver,
  startWebhookReceiver,
} from '@clawback/subscription-cancellations/src/testing';
import { type ClusterPipeline, startClusterPipeline } from './support/cluster-pipeline';
import { tallyLifecycle } from './support/lifecycle-tally';
import { startPacedLoad } from './support/paced-load';
import { tallyDownstream } from './support/downstream-tally';

jest.setTimeout(900_000);

/** Notifications per second offered while the instances restart (a bounded, paced load). */
const RATE = 8;
/** Every third sale answered 200 is refunded in full. */
const REFUND_EVERY = 3;
const HOOK_SECRET = 'whsec_cluster_rolling';

describe('rolling restart of every service instance under load', () => {
  let pipeline: ClusterPipeline;
  // The merchant's cancellation endpoint: verifies signatures, books each idempotency key once.
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(HOOK_SECRET);
    pipeline = await startClusterPipeline('cluster-rolling', {
      downstream: ['commission-reversals', 'subscription-cancellations'],
      merchant: {
        commission: { defaultRate: '0.35' },
        cancellation: {
          adapter: 'webhook',
          onPartialRefund: 'keep',
          webhook: { url: `${receiver.url}/hooks/clawback`, secret: HOOK_SECRET },
        },
      },
    });
  });

  afterAll(async () => {
    await pipeline?.dispose();
    await receiver?.close();
  });

  it('loses and duplicates nothing while each instance is restarted in turn', async () => {
    const { instances: services, allReady } = pipeline;
    // Like a load balancer, the client sends only to ingress instances not being restarted.
    const load = startPacedLoad(pipeline, {
      rate: RATE,
      firstRefno: 90_000_000,
      refundEvery: REFUND_EVERY,
      pick: (n) => {
        const up = services.filter((s) => s.name.startsWith('ingress') && !s.restarting);
        return up[n % Math.max(1, up.length)];
      },
    });
    const { answers, started } = load;
    const sentAtLeast = load.answered;
    const timeline: string[] = [];
    const exits: string[] = [];

    await sentAtLeast(40);
    for (const instance of services) {
      instance.restarting = true;
      const from = Date.now();
      const exit = await instance.child.stop('SIGTERM');
      exits.push(`${instance.name}: ${String(exit)}`);
      const stopped = Date.now();
      pipeline.respawn(instance);
      await allReady();
      instance.restarting = false;
      timeline.push(
        `${instance.name} (SIGTERM at +${from - started} ms): stopped in ${stopped - from} ms, ready again after ${Date.now() - stopped} ms`,
      );
      await sentAtLeast(answers.length + 24);
    }
    await load.stop();

    await allReady();
    const tally = await tallyLifecycle(pipeline, answers);
    const downstream = await tallyDownstream(pipeline, tally, receiver);
    const overCountedAt = tally.overCounted.map(([refno, count]) => {
      const at = answers.find((a) => a.refno === refno)?.at ?? started;
      return `${refno} x${count} answered at +${at - started} ms`;
    });
    const none = (list: readonly string[]) => list.join('; ') || 'none';
    process.stdout.write(
      `rolling-restart: ${JSON.stringify(tally.counts)}\n  downstream: ${JSON.stringify(downstream.counts)}\n  exits: ${exits.join(', ')}\n  ${timeline.join('\n  ')}\n  over-counted: ${none(overCountedAt)}\n  duplicated event ids: ${none(tally.duplicatePlaces)}\n  missing: ${none(tally.missingRaw)}\n  commission mismatches: ${none(downstream.commissionMismatches)}\n  cancellation mismatches: ${none(downstream.cancellationMismatches)}\n  booking mismatches: ${none(downstream.bookingMismatches)}\n  duplicated downstream ids: ${none(downstream.duplicatePlaces)}\n`,
    );

    // A SIGTERM is a clean shutdown: each instance exits 0 (not killed by the shutdown timeout).
    expect(exits).toEqual(services.map((s) => `${s.name}: 0`));
    expect(tally.unexpected).toEqual([]);
    expect(tally.duplicates).toBe(0);
    expect(tally.overCounted).toEqual([]);
    expect(tally.missing).toEqual([]);
    expect(tally.neverSent).toEqual([]);
    expect(tally.counts.salesAnswered200).toBeGreaterThan(0);
    expect(tally.counts.refundsAnswered200).toBeGreaterThan(0);
    // Downstream: exactly what the lifecycle events owe, each once.
    expect(downstream.duplicatePlaces).toEqual([]);
    expect(downstream.commissionMismatches).toEqual([]);
    expect(downstream.cancellationMismatches).toEqual([]);
    expect(downstream.bookingMismatches).toEqual([]);
    expect(downstream.refused).toEqual([]);
  });
});
