import { fork } from 'node:child_process';

/** Messages a child sends its parent. */
export type ChildMessage<R> =
  | { readonly type: 'progress'; readonly line: string }
  | { readonly type: 'mark'; readonly mark: string }
  | { readonly type: 'result'; readonly result: R };

/** Options of {@link runChild}. */
export interface RunChildOptions {
  /** The child is killed and the promise rejected after this long. */
  readonly timeoutMs: number;
  readonly onProgress?: (line: string) => void;
  /** Named moments the child reports (e.g. the start of its measured phase). */
  readonly onMark?: (mark: string) => void;
}

/**
 * Runs a TypeScript module in another Node process (through tsx), sends it `request` and
 * resolves with its result. Load generators run this way so they never share a CPU thread
 * with what they measure.
 */
export function runChild<Q, R>(
  modulePath: string,
  request: Q,
  options: RunChildOptions,
): Promise<R> {
  const child = fork(modulePath, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, result?: R): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(result as R);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`${modulePath} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('message', (message: ChildMessage<R>) => {
      if (message.type === 'progress') options.onProgress?.(message.line);
      else if (message.type === 'mark') options.onMark?.(message.mark);
      else finish(undefined, message.result);
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code, signal) =>
      finish(new Error(`${modulePath} exited (${signal ?? code}) without a result`)),
    );
    child.send(request as object);
  });
}

/** The child's side: handles the one request, reports progress, sends the result and exits. */
export function serveChild<Q, R>(
  handle: (
    request: Q,
    report: { progress(line: string): void; mark(mark: string): void },
  ) => Promise<R>,
): void {
  const send = (message: ChildMessage<R>, done?: () => void): void => {
    process.send?.(message, undefined, {}, () => done?.());
  };
  process.once('message', (request: Q) => {
    handle(request, {
      progress: (line) => send({ type: 'progress', line }),
      mark: (mark) => send({ type: 'mark', mark }),
    }).then(
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
