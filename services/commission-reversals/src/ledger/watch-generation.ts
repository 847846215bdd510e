import type { Logger } from '@clawback/logging';
import type { CommissionMetrics } from '../metrics/commission-metrics';
import type { LedgerAudit } from './ledger-audit';
import type { LedgerStore } from './ledger-store';

/** Options for {@link watchGeneration}. */
export interface WatchGenerationOptions {
  readonly store: LedgerStore;
  readonly audit: LedgerAudit;
  readonly intervalMs: number;
  /** The generation was lost or abandoned: reopen every ledger task. */
  readonly onLost: () => Promise<void>;
  readonly logger: Logger;
  readonly metrics: CommissionMetrics;
}

/**
 * Checks every `intervalMs` that Redis still holds the generation every open task writes into
 * whole (tasks hold it through {@link LedgerStore.hold}): its marker,
 * its manifest, and (a chunk per check) every affiliate's keys at the sizes the manifest
 * records. Without it a loss would only be noticed by a partition's next booking or a read,
 * and partitions without new adjustments would keep serving a ledger with holes. A loss the
 * audit finds abandons the generation. Returns the function that stops watching.
 */
export function watchGeneration(options: WatchGenerationOptions): () => void {
  const { store, audit, logger, metrics } = options;
  const check = async (): Promise<void> => {
    // Every generation an open task holds, not only the newest: a task that found a loss
    // abandons the generation and reopens into the next one, while tasks of partitions without
    // new adjustments would otherwise stay on the abandoned one for good (a stuck projection).
    const stale = await store.staleGenerations();
    if (stale.length > 0) {
      logger.warn(
        { generations: stale },
        'ledger generation replaced, or its marker or manifest missing: reopening',
      );
      for (const lost of stale) await store.abandon(lost);
      return options.onLost();
    }
    const generation = store.heldGenerations[0];
    if (generation === undefined || (await audit.step(generation))) return;
    metrics.ledgerLosses.inc({ detectedBy: 'audit' });
    logger.warn({ generation }, 'ledger keys lost: projecting again from the topic');
    await store.abandon(generation);
    await options.onLost();
  };
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    check()
      .catch((error: unknown) => logger.warn({ err: error }, 'checking the ledger failed'))
      .finally(() => (checking = false));
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
