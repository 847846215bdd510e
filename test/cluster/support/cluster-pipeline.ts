// What both cluster suites share: a three-node cluster of their own, two order-lifecycle and two
// ingress processes on it (and two of each chosen downstream service), and the signed 2Checkout
// sales and full refunds they are offered (paced-load.ts); lifecycle-tally.ts counts the result.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { twoCheckoutIpn } from '@clawback/providers/testing';
import {
  type ChildService,
  createTestContext,
  freePorts,
  type LocalCluster,
  startChildService,
  startLocalCluster,
  type TestContext,
  waitFor,
} from '@clawback/test-harness';
import { type MerchantsFile, writeMerchantsFile } from '../../support/merchants-file';
import { serviceEnv } from '../../support/service-env';

/** One service process of the suite. */
export interface Instance {
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
  // A start that fails leaves nothing behind: the suite's afterAll has no pipeline to dispose,
  // and three brokers plus the children left running would keep jest from ever exiting.
  try {
    await allReady();
  } catch (error) {
    await pipeline.dispose().catch(() => undefined);
    throw error;
  }
  return pipeline;
}
