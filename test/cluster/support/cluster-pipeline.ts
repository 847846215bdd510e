// What both cluster suites share: a three-node cluster of their own, two order-lifecycle and two
// ingress processes on it (and two of each chosen downstream service), signed 2Checkout sales
// and full refunds, and the exactly-once tally of the lifecycle events at the end.
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
  /** A sale, or the full refund the load sent after the sale's 200. */
  readonly kind: 'sale' | 'refund';
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

/** A service downstream of the order lifecycle that a suite may run two instances of. */
type DownstreamService = 'commission-reversals' | 'subscription-cancellations';

/** The running suite: the cluster, its test context and its service instances. */
export interface ClusterPipeline {
  readonly cluster: LocalCluster;
  readonly context: TestContext;
  readonly env: Record<string, string>;
  readonly instances: Instance[];
  readonly route: { readonly provider: '2checkout'; readonly merchantId: string };
  /**
   * A signed 2Checkout sale of one unit at 49.00 USD, credited to affiliate `aff-rolling`, of
   * subscription `SUB-<refno>`.
   */
  readonly sale: (refno: string) => ReturnType<typeof twoCheckoutIpn>;
  /** The full refund of that sale, a day later. */
  readonly refund: (refno: string) => ReturnType<typeof twoCheckoutIpn>;
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
const DOWNSTREAM: Readonly<Record<DownstreamService, readonly [string, string]>> = {
  'commission-reversals': ['commissions', 'services/commission-reversals/src/main.ts'],
  'subscription-cancellations': [
    'cancellations',
    'services/subscription-cancellations/src/main.ts',
  ],
};

/** The one line of every sale and refund: its subscription and affiliate come from the order. */
const line = (refno: string) => ({
  pid: '40898000',
  name: 'Pro plan (yearly)',
  qty: 1,
  price: '49.00',
  licenseRef: `SUB-${refno}`,
});

/**
 * Starts a three-node cluster (replication factor 3, min ISR 2), then two lifecycles, two
 * ingresses and two instances of each of `options.downstream` at the same moment (they register
 * the suite's fresh schemas together), and waits until all are ready. `options.merchant` is
 * added to the merchant's entry in the merchants file (commission rate, cancellation adapter).
 */
export async function startClusterPipeline(
  merchant: string,
  options: {
    readonly downstream?: readonly DownstreamService[];
    readonly merchant?: Readonly<Record<string, unknown>>;
  } = {},
): Promise<ClusterPipeline> {
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
    [merchant]: { '2checkout': { secretKey: secret }, ...options.merchant },
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
  const wanted: (readonly [string, string, string])[] = [
    ['lifecycle-1', LIFECYCLE, 'OBSERVABILITY_PORT'],
    ['lifecycle-2', LIFECYCLE, 'OBSERVABILITY_PORT'],
    ['ingress-1', INGRESS, 'INGRESS_PORT'],
    ['ingress-2', INGRESS, 'INGRESS_PORT'],
    ...(options.downstream ?? []).flatMap((service) => {
      const [short, entryPoint] = DOWNSTREAM[service];
      return [1, 2].map((n) => [`${short}-${n}`, entryPoint, 'OBSERVABILITY_PORT'] as const);
    }),
  ];
  const ports = await freePorts(wanted.length);
  const instances: Instance[] = wanted.map(([name, entryPoint, variable], index) => ({
    name,
    entryPoint,
    variable,
    port: ports[index] ?? 0,
    child: spawn(name, entryPoint, variable, ports[index] ?? 0),
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
          affiliateCode: 'aff-rolling',
          lines: [line(refno)],
        },
        { secretKey: secret, algorithm: 'all' },
      ),
    refund: (refno) =>
      twoCheckoutIpn(
        {
          refno,
          currency: 'USD',
          status: 'REFUND',
          refundType: 'FULL',
          ipnDate: '20260302100000',
          affiliateCode: 'aff-rolling',
          lines: [line(refno)],
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

/**
 * The exactly-once tally of a run: one `OrderPaid` per sale answered 200 and one
 * `RefundApplied` per refund answered 200, nothing else.
 */
export interface LifecycleTally {
  readonly counts: Readonly<Record<string, number>>;
  /** Events of another type than `OrderPaid` or `RefundApplied` (`type refno`). */
  readonly unexpected: readonly string[];
  readonly duplicates: number;
  /** Answers 200 (`refno type`) without exactly one event. */
  readonly missing: readonly string[];
  /** Orders with more than one event of a type (`refno type`, count). */
  readonly overCounted: readonly (readonly [string, number])[];
  /** Orders with events that the load never sent. */
  readonly neverSent: readonly string[];
  /** Each event id read more than once, with the partition@offset of every copy. */
  readonly duplicatePlaces: readonly string[];
  /** The refnos with an `OrderPaid`, and those with a `RefundApplied`: what downstream owes. */
  readonly paid: ReadonlySet<string>;
  readonly refunded: ReadonlySet<string>;
}

const typeOf = { sale: 'OrderPaid', refund: 'RefundApplied' } as const;

/**
 * Waits until the lifecycle group has committed past the raw topic, reads the events
 * (read_committed) and counts them against the answers.
 */
export async function tallyLifecycle(
  pipeline: ClusterPipeline,
  answers: readonly Answer[],
): Promise<LifecycleTally> {
  const { context, env } = pipeline;
  await waitForGroupToCatchUp(
    context,
    env.LIFECYCLE_GROUP_ID ?? '',
    context.topics.notificationsRaw,
    300_000,
  );
  const ok = new Set(
    answers.filter((a) => a.status === 200).map((a) => `${a.refno} ${typeOf[a.kind]}`),
  );
  const records = await context.readAll(context.topics.lifecycleEvents, { timeoutMs: 60_000 });
  const events = await decodeLifecycleEvents(
    new AvroRegistry(context.config.schemaRegistry),
    records,
  );
  const perOrder = new Map<string, number>();
  const placesOf = new Map<string, string[]>();
  const paid = new Set<string>();
  const refunded = new Set<string>();
  events.forEach((event, index) => {
    const refno = event.orderKey.split(':')[2] ?? '';
    const key = `${refno} ${event.type}`;
    perOrder.set(key, (perOrder.get(key) ?? 0) + 1);
    if (event.type === 'OrderPaid') paid.add(refno);
    if (event.type === 'RefundApplied') refunded.add(refno);
    const record = records[index]!;
    const places = placesOf.get(event.eventId) ?? [];
    places.push(`${record.partition}@${record.offset}`);
    placesOf.set(event.eventId, places);
  });
  const ids = events.map((e) => e.eventId);
  const duplicates = ids.length - new Set(ids).size;
  const missing = [...ok].filter((key) => perOrder.get(key) !== 1);
  const sentRefnos = new Set(answers.map((a) => a.refno));
  const count = (kind: Answer['kind'], status?: number) =>
    answers.filter((a) => a.kind === kind && (status === undefined || a.status === status)).length;
  return {
    counts: {
      sent: answers.length,
      salesAnswered200: count('sale', 200),
      refundsAnswered200: count('refund', 200),
      answered503: answers.filter((a) => a.status === 503).length,
      otherOrError: answers.filter((a) => a.status !== 200 && a.status !== 503).length,
      eventsExpectedAtLeast: ok.size,
      eventsSeen: events.length,
      orderPaid: paid.size,
      refundApplied: refunded.size,
      duplicates,
      missing: missing.length,
    },
    unexpected: events
      .filter((e) => e.type !== 'OrderPaid' && e.type !== 'RefundApplied')
      .map((e) => `${e.type} ${e.orderKey}`),
    duplicates,
    missing,
    overCounted: [...perOrder].filter(([, n]) => n > 1),
    // Where each event id read more than once sits (partition@offset): two places are two
    // records in the log, one place twice would be the reader's own redelivery.
    duplicatePlaces: [...placesOf]
      .filter(([, places]) => places.length > 1)
      .map(([eventId, places]) => `${eventId} at ${places.join(', ')}`),
    // A 503 may still have been stored (the idempotent producer finished after the answer);
    // nothing else may appear.
    neverSent: [...perOrder.keys()]
      .map((key) => key.split(' ')[0] ?? '')
      .filter((refno) => !sentRefnos.has(refno)),
    paid,
    refunded,
  };
}

/**
 * A paced load of signed sales, one every `1000 / rate` ms until stopped, and (with
 * `refundEvery`) the full refund of every such sale once the sale was answered 200.
 */
export interface PacedLoad {
  /** Every answer so far (200, 503, … or `error`), in arrival order; a refund's last try only. */
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
 * chooses for the n-th request (a load balancer's choice). With `refundEvery: k`, every k-th
 * sale answered 200 is refunded right after; a refund not answered 200 is offered again (as
 * providers retry), up to 20 times, to the ingress `pick` chooses then.
 */
export function startPacedLoad(
  pipeline: ClusterPipeline,
  options: {
    readonly rate: number;
    readonly firstRefno: number;
    readonly pick: (n: number) => Instance | undefined;
    readonly refundEvery?: number;
  },
): PacedLoad {
  const answers: Answer[] = [];
  const started = Date.now();
  let running = true;
  let posted = 0;
  const urlOf = (n: number) => {
    const target = options.pick(n);
    return target ? `http://127.0.0.1:${target.port}` : '';
  };
  const post = (url: string, refno: string, kind: Answer['kind']) =>
    postNotification(url, pipeline.route, pipeline[kind](refno)).then(
      (answer) => answer.status,
      () => 'error' as const,
    );
  // Counted as posted before the sale's answer is pushed, so stop() also waits for it.
  const refund = async (n: number, refno: string) => {
    let status: Answer['status'] = 'error';
    for (let attempt = 0; attempt < 20 && status !== 200; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
      status = await post(urlOf(n + attempt), refno, 'refund');
    }
    answers.push({ refno, kind: 'refund', status, at: Date.now() });
  };
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const due = started + (n * 1000) / options.rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const refno = String(options.firstRefno + n);
      const url = urlOf(n);
      posted += 1;
      void post(url, refno, 'sale').then((status) => {
        if (status === 200 && options.refundEvery !== undefined && n % options.refundEvery === 0) {
          posted += 1;
          void refund(n, refno);
        }
        answers.push({ refno, kind: 'sale', status, at: Date.now() });
      });
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
