import type { Logger } from '@clawback/logging';
import type { LedgerStore } from './ledger-store';

/** Options for {@link watchGeneration}. */
export interface WatchGenerationOptions {
  readonly store: LedgerStore;
  readonly intervalMs: number;
  /** The marker no longer names the ledger's generation: reopen every ledger task. */
  readonly onLost: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * Checks every `intervalMs` that Redis still holds the ledger's generation. Without it, a
 * wiped Redis would only be noticed by a partition's next booking, and partitions without new
 * adjustments would stay empty. Returns the function that stops watching.
 */
export function watchGeneration(options: WatchGenerationOptions): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void (async () => {
      try {
        if (await options.store.isCurrent()) return;
        options.logger.warn(
          'ledger generation marker missing: projecting again from the beginning',
        );
        await options.onLost();
      } catch (error) {
        options.logger.warn({ err: error }, 'checking the ledger generation failed');
      } finally {
        checking = false;
      }
    })();
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
