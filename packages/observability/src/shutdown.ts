import type { Logger } from '@clawback/logging';

/** A resource to close on shutdown. */
type Closer = () => Promise<void> | void;

/** The part of `process` the shutdown helper uses (injectable for tests). */
interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
}

/** Options for {@link createShutdown}. */
export interface ShutdownOptions {
  /** Give up on closers after this long and exit with 1. Default 10 s. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  readonly signals?: readonly NodeJS.Signals[];
  readonly source?: SignalSource;
  readonly exit?: (code: number) => void;
}

/** Runs registered closers once, newest first. */
export interface Shutdown {
  /** Registers a closer; closers run in reverse order of registration (like a stack). */
  onShutdown(name: string, closer: Closer): void;
  /** Runs the closers (once; later calls get the same promise), then exits. */
  shutdown(reason: string): Promise<void>;
}

/**
 * A graceful-shutdown helper: on SIGTERM or SIGINT, closes what was opened in reverse order
 * (stop consuming before disconnecting the producer the consumer writes with), each closer
 * once, and exits with 0, or with 1 if a closer failed or the whole took longer than
 * `timeoutMs`.
 */
export function createShutdown(options: ShutdownOptions = {}): Shutdown {
  const closers: { name: string; closer: Closer }[] = [];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 10000;
  let running: Promise<void> | undefined;

  async function closeAll(): Promise<boolean> {
    let ok = true;
    for (const { name, closer } of [...closers].reverse()) {
      try {
        await closer();
        options.logger?.info({ closer: name }, 'closed');
      } catch (error) {
        ok = false;
        options.logger?.error({ err: error, closer: name }, 'closing failed');
      }
    }
    return ok;
  }

  function shutdown(reason: string): Promise<void> {
    running ??= (async () => {
      options.logger?.info({ reason }, 'shutting down');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const ok = await Promise.race([closeAll(), timedOut]);
      clearTimeout(timer);
      if (!ok) options.logger?.error({ timeoutMs }, 'shutdown incomplete');
      exit(ok ? 0 : 1);
    })();
    return running;
  }

  const source = options.source ?? process;
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    source.once(signal, () => void shutdown(signal));
  }
  return { onShutdown: (name, closer) => void closers.push({ name, closer }), shutdown };
}
