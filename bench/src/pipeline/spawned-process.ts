import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { nowMs } from '../stats/stopwatch';

/** How a spawned command ended. */
export interface SpawnedRun {
  readonly exitCode: number | null;
  /** From spawn to exit. */
  readonly elapsedMs: number;
  /** Peak resident set size (`VmHWM`, sampled from /proc; 0 where there is no /proc). */
  readonly peakRssBytes: number;
  readonly stdout: readonly string[];
}

function highWaterMark(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs a command as an operator would (its own process, its own environment), relaying its
 * output lines, and kills it (by its own pid) if it outlives `timeoutMs`.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: {
    readonly env: NodeJS.ProcessEnv;
    readonly timeoutMs: number;
    readonly onLine?: (line: string) => void;
  },
): Promise<SpawnedRun> {
  const started = nowMs();
  const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const stdout: string[] = [];
  let partial = '';
  let peak = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      options.onLine?.(line);
    }
  });
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, highWaterMark(child.pid));
  }, 200);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (exitCode) => {
      clearInterval(sampler);
      clearTimeout(timer);
      if (partial !== '') stdout.push(partial);
      resolve({ exitCode, elapsedMs: nowMs() - started, peakRssBytes: peak, stdout });
    });
  });
}
