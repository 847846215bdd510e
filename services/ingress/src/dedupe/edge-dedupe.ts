/**
 * Best-effort memory of notifications already in Kafka, so a provider's retries of the same
 * notification are answered without publishing again. Only a shortcut: the order lifecycle
 * stays the authority on duplicates, so losing this memory (Redis wiped or down) costs
 * nothing but extra records.
 */
export interface EdgeDedupe {
  /** True when `notificationId` was remembered within the window. */
  seen(notificationId: string): Promise<boolean>;
  /** Remembers `notificationId`; call only after Kafka acknowledged the record. */
  remember(notificationId: string, ingressId: string): Promise<void>;
  /**
   * Records `fingerprint` for `checksumKey` unless one is there; false when a different one
   * was recorded within the window (see checksum-fingerprint.ts). Absent: no such record.
   */
  sameFingerprint?(checksumKey: string, fingerprint: string): Promise<boolean>;
}

/** A dedupe that remembers nothing, for running without Redis. */
export const NO_DEDUPE: EdgeDedupe = {
  seen: () => Promise.resolve(false),
  remember: () => Promise.resolve(),
};
