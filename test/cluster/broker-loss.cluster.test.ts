// Issue 14: on a three-broker cluster (replication factor 3, min ISR 2), with a bounded load of
// signed notifications through two ingress and two lifecycle instances, SIGKILL one broker,
// bring it back, SIGKILL another; afterwards every notification answered 200 has exactly its
// event, none is duplicated, and every service recovered by itself.
import { waitFor } from '@clawback/test-harness';
import { type ClusterPipeline, startClusterPipeline } from './support/cluster-pipeline';
import { tallyLifecycle } from './support/lifecycle-tally';
import { startPacedLoad } from './support/paced-load';

jest.setTimeout(900_000);

/** Notifications per second offered while the faults happen (a bounded, paced load). */
const RATE = 8;

describe('three brokers, one lost under load, then another', () => {
  let pipeline: ClusterPipeline;

  beforeAll(async () => {
    pipeline = await startClusterPipeline('cluster-loss');
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  /** Every partition of the suite's topics and of the internal topics has all replicas in sync. */
  const fullyReplicated = () =>
    waitFor(
      async () => {
        const { context } = pipeline;
        const topics = [
          ...Object.values(context.topics),
          '__consumer_offsets',
          '__transaction_state',
        ];
        const { topics: found } = await context.admin.fetchTopicMetadata({ topics });
        return found.every((t) => t.partitions.every((p) => p.isr.length === p.replicas.length));
      },
      { timeoutMs: 180_000, intervalMs: 500, description: 'every partition to be fully in sync' },
    );

  it('answers 200 only for what it stored, and stores each exactly once', async () => {
    const { cluster, allReady } = pipeline;
    const ingresses = pipeline.instances.filter((s) => s.name.startsWith('ingress'));
    const load = startPacedLoad(pipeline, {
      rate: RATE,
      firstRefno: 80_000_000,
      pick: (n) => ingresses[n % ingresses.length],
    });
    const { answers } = load;
    const sentAtLeast = load.answered;
    const recoveredAfter = async (fault: number) => {
      await waitFor(() => answers.some((a) => a.at > fault && a.status === 200), {
        timeoutMs: 300_000,
        description: 'a 200 after the fault',
      });
      return (
        Math.min(...answers.filter((a) => a.at > fault && a.status === 200).map((a) => a.at)) -
        fault
      );
    };
    const [node1, node2, node3] = cluster.nodes;
    if (!node1 || !node2 || !node3) throw new Error('three nodes expected');
    const timeline: string[] = [];

    await sentAtLeast(40);
    const kill2 = Date.now();
    await node2.kill();
    await sentAtLeast(answers.length + 80);
    timeline.push(`first 200 after killing node 2: ${await recoveredAfter(kill2)} ms`);
    const back2 = Date.now();
    await node2.start();
    await fullyReplicated();
    timeline.push(`node 2 back and every partition in sync after ${Date.now() - back2} ms`);
    await sentAtLeast(answers.length + 40);
    const kill3 = Date.now();
    await node3.kill();
    await sentAtLeast(answers.length + 80);
    timeline.push(`first 200 after killing node 3: ${await recoveredAfter(kill3)} ms`);
    await load.stop();

    // Recovered by themselves: all four ready again, with node 3 still down.
    const readyFrom = Date.now();
    await allReady();
    timeline.push(`all services ready ${Date.now() - readyFrom} ms after the load stopped`);
    const tally = await tallyLifecycle(pipeline, answers);
    process.stdout.write(
      `broker-loss: ${JSON.stringify(tally.counts)}\n  ${timeline.join('\n  ')}\n  duplicated event ids: ${tally.duplicatePlaces.join('; ') || 'none'}\n  missing: ${tally.missingRaw.join('; ') || 'none'}\n`,
    );

    expect(tally.unexpected).toEqual([]);
    expect(tally.duplicates).toBe(0);
    expect(tally.overCounted).toEqual([]);
    expect(tally.missing).toEqual([]);
    expect(tally.neverSent).toEqual([]);
    expect(tally.counts.salesAnswered200).toBeGreaterThan(0);
  });
});
