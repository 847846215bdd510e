import { fork } from 'node:child_process';
import { resolve } from 'node:path';

/** Messages a child sends its parent. */
type ChildMessage<R> =
  | { readonly type: 'progress'; readonly line: string }
  | { readonly type: 'mark'; readonly mark: string }
  | { readonly type: 'result'; readonly result: R };

/** Options of {@link startChild}. */
export interface RunChildOptions {
  /** The child is killed and the result rejected after this long. */
  readonly timeoutMs: number;
  readonly onProgress?: (line: string) => void;
  /** Named moments the child reports (e.g. the start of its measured phase). */
  readonly onMark?: (mark: string) => void;
}

/** Where `BENCH_CPU_PROF=1` writes the children's CPU profiles (git-ignored). */
const PROFILES_DIR = resolve(__dirname, '../../profiles');

/** `--cpu-prof` for every child when `BENCH_CPU_PROF=1`: each writes a `.cpuprofile` on exit. */
function profilingFlags(): string[] {
  return process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`] : [];
}

/** A running child: its eventual result, and a way to send it further messages. */
export interface ChildHandle<R> {
  readonly result: Promise<R>;
  /** Resolves at the child's first report of `mark`. */
  marked(mark: string): Promise<void>;
  send(message: object): void;
}

/**
 * Runs a TypeScript module in another Node process (through tsx) and sends it `request`.
 * Load generators and consumers whose memory is measured run this way, so they never share
 * a thread or a heap with what they measure.
 */
export function startChild<Q extends object, R>(
  modulePath: string,
  request: Q,
  options: RunChildOptions,
): ChildHandle<R> {
  const child = fork(modulePath, [], {
    execArgv: ['--import', 'tsx', ...profilingFlags()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    // Every bench client uses kafkajs's default partitioner on purpose; its notice is noise.
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  });
  const marks = new Map<string, () => void>();
  const seen = new Set<string>();
  const result = new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, value?: R): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value as R);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`${modulePath} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('message', (message: ChildMessage<R>) => {
      if (message.type === 'progress') options.onProgress?.(message.line);
      else if (message.type === 'mark') {
        seen.add(message.mark);
        marks.get(message.mark)?.();
        options.onMark?.(message.mark);
      } else finish(undefined, message.result);
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code, signal) =>
      finish(new Error(`${modulePath} exited (${signal ?? code}) without a result`)),
    );
  });
  child.send(request);
  return {
    result,
    marked: (mark) =>
      seen.has(mark)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => marks.set(mark, resolve)),
            result.then(() => {
              throw new Error(`${modulePath} finished without reporting "${mark}"`);
            }),
          ]),
    send: (message) => child.send(message),
  };
}

/** {@link startChild} for a child that needs nothing but its request: resolves with its result. */
export function runChild<Q extends object, R>(
  modulePath: string,
  request: Q,
  options: RunChildOptions,
): Promise<R> {
  return startChild<Q, R>(modulePath, request, options).result;
}

/** What a child's handler can do besides returning its result. */
export interface ChildReport {
  progress(line: string): void;
  mark(mark: string): void;
  /** The parent's next message after the request. */
  next<M>(): Promise<M>;
}

/** The child's side: handles the one request, reports progress, sends the result and exits. */
export function serveChild<Q, R>(handle: (request: Q, report: ChildReport) => Promise<R>): void {
  const send = (message: ChildMessage<R>, done?: () => void): void => {
    process.send?.(message, undefined, {}, () => done?.());
  };
  const inbox: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  process.once('message', (request: Q) => {
    process.on('message', (message: unknown) => {
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else inbox.push(message);
    });
    const report: ChildReport = {
      progress: (line) => send({ type: 'progress', line }),
      mark: (mark) => send({ type: 'mark', mark }),
      next: <M>() =>
        inbox.length > 0
          ? Promise.resolve(inbox.shift() as M)
          : new Promise<M>((resolve) => waiting.push((m) => resolve(m as M))),
    };
    handle(request, report).then(
      (result) => send({ type: 'result', result }, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(
          `child failed: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  });
}
