import cluster from 'node:cluster';
import { ConfigError } from '@clawback/config';
import { checkKafkaAccessOrExit } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { checkRegistryAccessOrExit } from '@clawback/schema-registry';
import { MerchantsError } from '@clawback/merchants';
import { clusterMetricsRegistry } from './cluster/cluster-metrics';
import { runPrimary } from './cluster/run-primary';
import { loadIngressConfiguration } from './service/ingress-configuration';
import { startIngress } from './service/start-ingress';
import { loadWorkerCount } from './settings/worker-count';
import { createShutdown } from '@clawback/observability';

/** Longest a graceful stop may take (workers: closing; the primary: all workers closing). */
const SHUTDOWN_TIMEOUT_MS = 30_000;

function configurationError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof MerchantsError) {
    process.stderr.write(`ingress: configuration error: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/** One ingress in this process: the whole service, or one worker of the cluster. */
async function runIngress(): Promise<void> {
  let running;
  try {
    running = await startIngress({
      env: process.env,
      ...(cluster.isWorker && { exposeMetrics: clusterMetricsRegistry }),
    });
  } catch (error) {
    configurationError(error);
  }
  const shutdown = createShutdown({ logger: running.logger, timeoutMs: SHUTDOWN_TIMEOUT_MS });
  shutdown.onShutdown('ingress', () => running.close());
  // A worker whose primary is gone (killed) would hold the port alone: it stops too.
  if (cluster.isWorker)
    process.once('disconnect', () => void shutdown.shutdown('the cluster primary is gone'));
}

/**
 * `npm run ingress`: starts the ingress from the environment and stops it gracefully on
 * SIGTERM/SIGINT; with `INGRESS_WORKERS` above 1 (default: one per core) as a `node:cluster`
 * primary whose workers share the port. A configuration error, or brokers refusing the
 * credentials or certificate (checked once, before any worker starts), prints one line and
 * exits with 1.
 */
async function main(): Promise<void> {
  if (cluster.isWorker) return runIngress();
  await checkKafkaAccessOrExit('ingress');
  await checkRegistryAccessOrExit('ingress');
  let workers: number;
  let level;
  try {
    workers = loadWorkerCount(process.env);
    if (workers > 1) level = loadIngressConfiguration(process.env).config.logging.level;
  } catch (error) {
    configurationError(error);
  }
  if (workers === 1) return runIngress();
  runPrimary({
    workers,
    logger: createLogger({ service: 'ingress', level }),
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS + 5_000,
  });
}

main().catch((error: unknown) => {
  createLogger({ service: 'ingress' }).fatal({ err: error }, 'ingress failed to start');
  process.exit(1);
});
