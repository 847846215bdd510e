import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@clawback/logging';
import { serveClusterMetrics } from './cluster-metrics';

/** Options of {@link runPrimary}. */
export interface PrimaryOptions {
  readonly workers: number;
  readonly logger: Logger;
  /** Workers still running this long after SIGTERM are killed and the primary exits 1. */
  readonly shutdownTimeoutMs: number;
  /** A worker that dies unasked is replaced after this long (a crash loop stays slow). */
  readonly restartDelayMs?: number;
  readonly exit?: (code: number) => void;
}

/**
 * The cluster primary: forks the workers (each a whole ingress: HTTP, producer, Redis; they
 * share the port through `node:cluster`), replaces one that dies unasked, serves the
 * aggregated metrics, and on SIGTERM/SIGINT asks every worker to shut down gracefully and
 * exits 0 once all have exited 0 (1 if one failed or the timeout passed).
 */
export function runPrimary(options: PrimaryOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const restartDelayMs = options.restartDelayMs ?? 1_000;
  let stopping = false;
  let failed = false;
  serveClusterMetrics();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('online', () =>
      options.logger.info({ worker: worker.id, pid: worker.process.pid }, 'ingress worker started'),
    );
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const context = { worker: worker.id, pid: worker.process.pid, code, signal };
    if (stopping) {
      // Killed by the SIGTERM itself: it was still starting (its graceful handler comes once
      // it listens), so it had nothing in flight to lose.
      if (code !== 0 && signal !== 'SIGTERM') failed = true;
      options.logger.info(context, 'ingress worker stopped');
      if (Object.keys(cluster.workers ?? {}).length === 0) exit(failed ? 1 : 0);
      return;
    }
    options.logger.error(context, 'ingress worker died; starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, restartDelayMs).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'stopping the ingress workers');
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    if (workers.length === 0) exit(0);
    // Each worker closes like a single ingress: stop accepting, finish, flush, disconnect.
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      options.logger.error('ingress workers still running after the timeout; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      exit(1);
    }, options.shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < options.workers; i++) fork();
}
