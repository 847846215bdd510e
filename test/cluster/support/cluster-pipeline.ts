// What both cluster suites share: a three-node cluster of their own, two order-lifecycle and two
// ingress processes on it, signed 2Checkout sales, and the exactly-once tally at the end.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { twoCheckoutIpn } from '@clawback/providers/testing';
import { AvroRegistry } from '@clawback/schema-registry';
import {
  type ChildService,
  createTestContext,
  freePorts,
  type LocalCluster,
  postNotification,
  startChildService,
  startLocalCluster,
  type TestContext,
  waitFor,
} from '@clawback/test-harness';
import { type MerchantsFile, writeMerchantsFile } from '../../support/merchants-file';
import { serviceEnv } from '../../support/service-env';
import { decodeLifecycleEvents, waitForGroupToCatchUp } from '../../support/topic-readers';

/** What the load client got for one notification. */
export interface Answer {
  readonly refno: string;
  readonly status: number | 'error';
  readonly at: number;
}

/** One service process of the suite. */
interface Instance {
  readonly name: string;
  readonly entryPoint: string;
  readonly variable: string;
  readonly port: number;
  child: ChildService;
  /** Set while it is being stopped and started again: the load sends elsewhere. */
  restarting: boolean;
}

/** The running suite: the cluster, its test context and the four services. */
export interface ClusterPipeline {
  readonly cluster: LocalCluster;
  readonly context: TestContext;
  readonly env: Record<string, string>;
  readonly instances: Instance[];
  readonly route: { readonly provider: '2checkout'; readonly merchantId: string };
  /** A signed 2Checkout sale of one unit at 49.00 USD. */
  readonly sale: (refno: string) => ReturnType<typeof twoCheckoutIpn>;
  /** Every service answers /readyz 200 (and none has exited). */
  readonly allReady: () => Promise<unknown>;
  /** Starts the instance's process again (same entry point, port and environment). */
  readonly respawn: (instance: Instance) => void;
  /** Kills every process and removes the cluster, topics and keys. */
  readonly dispose: () => Promise<void>;
}

const repositoryRoot = path.resolve(__dirname, '../../..');
const LIFECYCLE = 'services/order-lifecycle/src/main.ts';
const INGRESS = 'services/ingress/src/main.ts';

/**
 * Starts a three-node cluster (replication factor 3, min ISR 2), then two lifecycles and two
 * ingresses at the same moment (they register the suite's fresh schemas together), and waits
 * until all four are ready.
 */
export async function startClusterPipeline(merchant: string): Promise<ClusterPipeline> {
  const secret = `${merchant}-2checkout-key`;
  const cluster = await startLocalCluster(3);
  const clusterEnv = {
    KAFKA_BROKERS: cluster.brokers,
    KAFKA_REPLICATION_FACTOR: '3',
    KAFKA_MIN_INSYNC_REPLICAS: '2',
  };
  const context = await createTestContext({ env: { ...process.env, ...clusterEnv } });
  await context.redis();
  const merchants: MerchantsFile = writeMerchantsFile({
    [merchant]: { '2checkout': { secretKey: secret } },
  });
  // Each process's whole log goes to test-results/cluster/<merchant>/<instance>.log (appended
  // across restarts: partitions opened, caught up, handed over), the last 200 chunks stay in
  // memory for a failure's message.
  const logLevel = process.env.CLAWBACK_CLUSTER_LOG_LEVEL ?? 'info';
  const env = serviceEnv(context, merchants.path, { ...clusterEnv, LOG_LEVEL: logLevel }) as Record<
    string,
    string
  >;
  const logDir = path.join(repositoryRoot, 'test-results', 'cluster', merchant);
  rmSync(logDir, { recursive: true, force: true });
  const spawn = (name: string, entryPoint: string, variable: string, port: number) =>
    startChildService(
      entryPoint,
      { ...env, [variable]: String(port) },
      { keepChunks: 200, logFile: path.join(logDir, `${name}.log`) },
    );
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0] = await freePorts(4);
  const instances: Instance[] = (
    [
      ['lifecycle-1', LIFECYCLE, 'OBSERVABILITY_PORT', p0],
      ['lifecycle-2', LIFECYCLE, 'OBSERVABILITY_PORT', p1],
      ['ingress-1', INGRESS, 'INGRESS_PORT', p2],
      ['ingress-2', INGRESS, 'INGRESS_PORT', p3],
    ] as const
  ).map(([name, entryPoint, variable, port]) => ({
    name,
    entryPoint,
    variable,
    port,
    child: spawn(name, entryPoint, variable, port),
    restarting: false,
  }));
  const allReady = () =>
    waitFor(
      async () => {
        for (const { name, child, port } of instances) {
          if (child.hasExited()) throw new Error(`${name} exited:\n${child.output()}`);
          const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
          if (!answer?.ok) return false;
        }
        return true;
      },
      { timeoutMs: 180_000, intervalMs: 250, description: 'every service to be ready' },
    );
  const pipeline: ClusterPipeline = {
    cluster,
    context,
    env,
    instances,
    route: { provider: '2checkout', merchantId: merchant },
    sale: (refno) =>
      twoCheckoutIpn(
        {
          refno,
          currency: 'USD',
          status: 'COMPLETE',
          ipnDate: '20260301100000',
          lines: [{ pid: '40898000', name: 'Pro plan (yearly)', qty: 1, price: '49.00' }],
        },
        { secretKey: secret, algorithm: 'all' },
      ),
    allReady,
    respawn: (instance) => {
      instance.child = spawn(instance.name, instance.entryPoint, instance.variable, instance.port);
    },
    dispose: async () => {
      await Promise.all(instances.map((s) => s.child.stop('SIGKILL')));
      merchants.remove();
      await context.dispose().catch(() => undefined);
      await cluster.destroy();
    },
  };
  await allReady();
  return pipeline;
}

/** The exactly-once tally of a run: one `OrderPaid` per sale answered 200, nothing else. */
export interface OrderPaidTally {
  readonly counts: Readonly<Record<string, number>>;
  readonly allOrderPaid: boolean;
  readonly duplicates: number;
  /** Sales answered 200 without exactly one event. */
  readonly missing: readonly string[];
  /** Orders with more than one event. */
  readonly overCounted: readonly (readonly [string, number])[];
  /** Orders with events that the load never sent. */
  readonly neverSent: readonly string[];
  /** Each event id read more than once, with the partition@offset of every copy. */
  readonly duplicatePlaces: readonly string[];
}

/**
 * Waits until the lifecycle group has committed past the raw topic, reads the events
 * (read_committed) and counts them against the answers.
 */
export async function tallyOrderPaid(
  pipeline: ClusterPipeline,
  answers: readonly Answer[],
): Promise<OrderPaidTally> {
  const { context, env } = pipeline;
  await waitForGroupToCatchUp(
    context,
    env.LIFECYCLE_GROUP_ID ?? '',
    context.topics.notificationsRaw,
    300_000,
  );
  const ok = new Set(answers.filter((a) => a.status === 200).map((a) => a.refno));
  const records = await context.readAll(context.topics.lifecycleEvents, { timeoutMs: 60_000 });
  const events = await decodeLifecycleEvents(
    new AvroRegistry(context.config.schemaRegistry),
    records,
  );
  const perOrder = new Map<string, number>();
  const placesOf = new Map<string, string[]>();
  events.forEach((event, index) => {
    const refno = event.orderKey.split(':')[2] ?? '';
    perOrder.set(refno, (perOrder.get(refno) ?? 0) + 1);
    const record = records[index]!;
    const places = placesOf.get(event.eventId) ?? [];
    places.push(`${record.partition}@${record.offset}`);
    placesOf.set(event.eventId, places);
  });
  const ids = events.map((e) => e.eventId);
  const duplicates = ids.length - new Set(ids).size;
  const missing = [...ok].filter((refno) => perOrder.get(refno) !== 1);
  const sentRefnos = new Set(answers.map((a) => a.refno));
  return {
    counts: {
      sent: answers.length,
      answered200: ok.size,
      answered503: answers.filter((a) => a.status === 503).length,
      otherOrError: answers.filter((a) => a.status !== 200 && a.status !== 503).length,
      eventsExpectedAtLeast: ok.size,
      eventsSeen: events.length,
      duplicates,
      missing: missing.length,
    },
    allOrderPaid: events.every((e) => e.type === 'OrderPaid'),
    duplicates,
    missing,
    overCounted: [...perOrder].filter(([, count]) => count > 1),
    // Where each event id read more than once sits (partition@offset): two places are two
    // records in the log, one place twice would be the reader's own redelivery.
    duplicatePlaces: [...placesOf]
      .filter(([, places]) => places.length > 1)
      .map(([eventId, places]) => `${eventId} at ${places.join(', ')}`),
    // A 503 may still have been stored (the idempotent producer finished after the answer);
    // nothing else may appear.
    neverSent: [...perOrder.keys()].filter((refno) => !sentRefnos.has(refno)),
  };
}

/** A paced load of signed sales: one every `1000 / rate` ms, until stopped. */
export interface PacedLoad {
  /** Every answer so far (200, 503, … or `error`), in arrival order. */
  readonly answers: Answer[];
  /** When the load started (epoch ms). */
  readonly started: number;
  /** Resolves once at least `count` answers arrived. */
  readonly answered: (count: number) => Promise<unknown>;
  /** Stops sending and resolves once every request sent has its answer. */
  readonly stop: () => Promise<void>;
}

/**
 * Offers sales numbered from `firstRefno` at `rate` per second, each to the ingress `pick`
 * chooses for the n-th request (a load balancer's choice).
 */
export function startPacedLoad(
  pipeline: ClusterPipeline,
  options: {
    readonly rate: number;
    readonly firstRefno: number;
    readonly pick: (n: number) => Instance | undefined;
  },
): PacedLoad {
  const answers: Answer[] = [];
  const started = Date.now();
  let running = true;
  let posted = 0;
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const due = started + (n * 1000) / options.rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const refno = String(options.firstRefno + n);
      const target = options.pick(n);
      const url = target ? `http://127.0.0.1:${target.port}` : '';
      posted += 1;
      void postNotification(url, pipeline.route, pipeline.sale(refno)).then(
        (answer) => answers.push({ refno, status: answer.status, at: Date.now() }),
        () => answers.push({ refno, status: 'error', at: Date.now() }),
      );
    }
  })();
  return {
    answers,
    started,
    answered: (count) =>
      waitFor(() => answers.length >= count, {
        timeoutMs: 300_000,
        description: `${count} answers`,
      }),
    stop: async () => {
      running = false;
      await loop;
      // Every request has its answer (200, 503 or an error) before anything is counted.
      await waitFor(() => answers.length >= posted, {
        timeoutMs: 60_000,
        description: 'the answers of the last requests',
      });
    },
  };
}
