import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Env } from '@clawback/config';
import { ensureBuilt, freePort, waitFor } from '@clawback/test-harness';
import { childPids } from '../pipeline/process-tree-cpu';

/** Where `BENCH_CPU_PROF=1` writes profiles: each worker writes its own `.cpuprofile`. */
const PROFILES_DIR = resolve(__dirname, '../../profiles');

/** The repository root, where `npm run build` writes dist/. */
const ROOT = resolve(__dirname, '../../..');

/** What `npm run start:ingress` runs. */
const BUILT_ENTRY_POINT = 'dist/services/ingress/src/main.js';

/** The ingress as an operator runs it: `npm run start:ingress`, a `node:cluster` primary. */
export interface IngressCluster {
  readonly url: string;
  /** The primary's pid (its children are the workers). */
  readonly pid: number;
  readonly workers: number;
  /** SIGTERM, as an orchestrator stops it; resolves with the exit code (0 when graceful). */
  stop(): Promise<number | NodeJS.Signals | null>;
}

/**
 * Builds dist/ if it is stale (`ensureBuilt`), then starts the compiled ingress
 * (`dist/services/ingress/src/main.js`, what `npm run start:ingress` runs: no tsx loader in
 * the workers) with `INGRESS_WORKERS` = `workers` on a free port, and waits until every
 * worker is up and `/readyz` answers.
 */
export async function startIngressCluster(
  env: Env,
  workers: number = availableParallelism(),
): Promise<IngressCluster> {
  ensureBuilt();
  const port = await freePort();
  // cluster.fork() passes the primary's node flags on: with profiling every worker writes its
  // own profile (node refuses --cpu-prof in NODE_OPTIONS, hence flags).
  const flags =
    process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`] : [];
  const child = spawn(process.execPath, [...flags, BUILT_ENTRY_POINT], {
    cwd: ROOT,
    env: {
      ...env,
      INGRESS_PORT: String(port),
      INGRESS_WORKERS: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // Its last lines (logs at warn and above, crashes), for the error when it exits early.
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise<number | NodeJS.Signals | null>((resolveExit) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolveExit(code ?? signal);
    }),
  );
  const pid = child.pid!;
  const url = `http://127.0.0.1:${port}`;
  // A connection lands on one worker, and each is ready once its own producer connected:
  // several fresh connections in a row must all be answered ready.
  const allReady = async (): Promise<boolean> => {
    if (exited) throw new Error(`the ingress exited:\n${output.join('')}`);
    if (workers > 1 && childPids(pid).length < workers) return false;
    for (let i = 0; i < workers * 4; i++) if (!(await readyOnNewConnection(port))) return false;
    return true;
  };
  await waitFor(allReady, { timeoutMs: 60_000, description: 'every ingress worker ready' });
  return {
    url,
    pid,
    workers,
    stop: () => {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** `/readyz` over a connection of its own (no keep-alive), so the cluster picks a worker. */
function readyOnNewConnection(port: number): Promise<boolean> {
  return new Promise((resolveReady) => {
    const request = get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (response) => {
      response.resume();
      resolveReady(response.statusCode === 200);
    });
    request.on('error', () => resolveReady(false));
  });
}
