import { withTimeout } from '../time/with-timeout';
import type { EdgeDedupe } from './edge-dedupe';

/** Which dedupe call failed. */
export type DedupeOperation = 'seen' | 'remember' | 'fingerprint';

/** Options of {@link guardedDedupe}. */
export interface GuardedDedupeOptions {
  /** Longest a lookup or write may delay a request. */
  readonly timeoutMs: number;
  /** Told about every failure (to log and count it). */
  readonly onError: (operation: DedupeOperation, error: unknown) => void;
}

/** An {@link EdgeDedupe} whose calls never reject. */
export interface SafeDedupe {
  /** False when Redis fails or is slow: better one extra record than a failed request. */
  seen(notificationId: string): Promise<boolean>;
  remember(notificationId: string, ingressId: string): Promise<void>;
  /** True (let it through) when Redis fails: the URL token is the first line of defence. */
  sameFingerprint?(checksumKey: string, fingerprint: string): Promise<boolean>;
}

/**
 * Makes the dedupe unable to fail a request: errors and slow answers count as "not seen" and
 * "not remembered". A Redis outage then only means the lifecycle sees a few more duplicates.
 */
export function guardedDedupe(inner: EdgeDedupe, options: GuardedDedupeOptions): SafeDedupe {
  return {
    seen: async (notificationId) => {
      try {
        return await withTimeout(inner.seen(notificationId), options.timeoutMs);
      } catch (error) {
        options.onError('seen', error);
        return false;
      }
    },
    remember: async (notificationId, ingressId) => {
      try {
        await withTimeout(inner.remember(notificationId, ingressId), options.timeoutMs);
      } catch (error) {
        options.onError('remember', error);
      }
    },
    sameFingerprint: async (checksumKey, fingerprint) => {
      if (inner.sameFingerprint === undefined) return true;
      try {
        return await withTimeout(
          inner.sameFingerprint(checksumKey, fingerprint),
          options.timeoutMs,
        );
      } catch (error) {
        options.onError('fingerprint', error);
        return true;
      }
    },
  };
}
