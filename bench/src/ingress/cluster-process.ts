import { spawn } from 'node:child_process';
import { get } from 'node:http';
import type { Env } from '@clawback/config';
import { freePort, waitFor } from '@clawback/test-harness';
import { childPids } from '../pipeline/process-tree-cpu';

/** A `node:cluster` primary serving HTTP on a local port, started by the benchmark. */
export interface ClusterProcess {
  readonly url: string;
  /** The primary's pid (its children are the workers). */
  readonly pid: number;
  readonly workers: number;
  /** SIGTERM, as an orchestrator stops it; resolves with the exit code (0 when graceful). */
  stop(): Promise<number | NodeJS.Signals | null>;
}

/** What {@link startClusterProcess} runs. */
export interface ClusterCommand {
  /** Node's arguments: flags, then the entry point. */
  readonly args: readonly string[];
  readonly cwd: string;
  /** The environment; the port is added as `portVariable`. */
  readonly env: Env;
  readonly portVariable: string;
  readonly workers: number;
}

/**
 * Starts `node <args>` on a free port and waits until it has `workers` children and `/readyz`
 * answers 200 on several fresh connections in a row: a connection lands on one worker, and
 * each is ready only once its own producer connected.
 */
export async function startClusterProcess(command: ClusterCommand): Promise<ClusterProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...command.args], {
    cwd: command.cwd,
    env: { ...command.env, [command.portVariable]: String(port) },
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
  const { workers } = command;
  const allReady = async (): Promise<boolean> => {
    if (exited) throw new Error(`${command.args.at(-1)} exited:\n${output.join('')}`);
    if (workers > 1 && childPids(pid).length < workers) return false;
    for (let i = 0; i < workers * 4; i++) if (!(await readyOnNewConnection(port))) return false;
    return true;
  };
  await waitFor(allReady, { timeoutMs: 60_000, description: 'every worker ready' });
  return {
    url: `http://127.0.0.1:${port}`,
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
