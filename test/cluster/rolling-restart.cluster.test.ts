// Issue 14: on a three-broker cluster (replication factor 3, min ISR 2), with a paced, bounded
// load of signed notifications through two ingress and two lifecycle instances, SIGTERM one
// instance at a time and start it again (waiting until every service is ready before the next);
// afterwards every notification answered 200 has exactly its event, none is duplicated, nothing
// is missing, and every service is ready.
import {
  type ClusterPipeline,
  startClusterPipeline,
  startPacedLoad,
  tallyOrderPaid,
} from './support/cluster-pipeline';

jest.setTimeout(900_000);

/** Notifications per second offered while the instances restart (a bounded, paced load). */
const RATE = 8;

describe('rolling restart of every service instance under load', () => {
  let pipeline: ClusterPipeline;

  beforeAll(async () => {
    pipeline = await startClusterPipeline('cluster-rolling');
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  it('loses and duplicates nothing while each instance is restarted in turn', async () => {
    const { instances: services, allReady } = pipeline;
    // Like a load balancer, the client sends only to ingress instances not being restarted.
    const load = startPacedLoad(pipeline, {
      rate: RATE,
      firstRefno: 90_000_000,
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
    const tally = await tallyOrderPaid(pipeline, answers);
    const overCountedAt = tally.overCounted.map(([refno, count]) => {
      const at = answers.find((a) => a.refno === refno)?.at ?? started;
      return `${refno} x${count} answered at +${at - started} ms`;
    });
    process.stdout.write(
      `rolling-restart: ${JSON.stringify(tally.counts)}\n  exits: ${exits.join(', ')}\n  ${timeline.join('\n  ')}\n  over-counted: ${overCountedAt.join(', ') || 'none'}\n  duplicated event ids: ${tally.duplicatePlaces.join('; ') || 'none'}\n`,
    );

    // A SIGTERM is a clean shutdown: each instance exits 0 (not killed by the shutdown timeout).
    expect(exits).toEqual(services.map((s) => `${s.name}: 0`));
    expect(tally.allOrderPaid).toBe(true);
    expect(tally.duplicates).toBe(0);
    expect(tally.overCounted).toEqual([]);
    expect(tally.missing).toEqual([]);
    expect(tally.neverSent).toEqual([]);
    expect(tally.counts.answered200).toBeGreaterThan(0);
  });
});
