import {
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  providerTimeCeiling,
} from '@clawback/notifications';

/**
 * The latest provider time a record can justify: its ingress `receivedAt` plus the stated
 * future skew (`PROVIDER_TIME_FUTURE_SKEW_MS`, 24 h), or `null` when `receivedAt` itself is
 * outside the plausible range (such a record justifies nothing and bounds nothing).
 */
export function justifiedTime(receivedAtMs: number): number | null {
  if (!(receivedAtMs >= EARLIEST_PROVIDER_TIME_MS && receivedAtMs <= LATEST_PROVIDER_TIME_MS))
    return null;
  return providerTimeCeiling(receivedAtMs);
}

/**
 * The partition's watermark after one record, a pure fold over the log:
 * `min(max(watermark, occurredAt), receivedAt + skew)`. A usable record moves it forward by its
 * provider time, but no record, and no watermark carried over from an old checkpoint, can hold
 * it beyond what the record being read justifies. So one implausible date cannot age the
 * partition, a stored year-9999 watermark is clamped by the first record read after it, and a
 * replay (which reads the same `receivedAt`s) computes the same values.
 *
 * @param occurredAtMs the record's provider time, or `null` for a record that cannot be used
 *   (it may bound the watermark, never advance it).
 */
export function watermarkAfter(
  watermark: number | null,
  occurredAtMs: number | null,
  receivedAtMs: number,
): number | null {
  const ceiling = justifiedTime(receivedAtMs);
  const usable = occurredAtMs !== null && Number.isFinite(occurredAtMs) ? occurredAtMs : null;
  const advanced =
    usable === null ? watermark : watermark === null ? usable : Math.max(watermark, usable);
  if (advanced === null || ceiling === null) return advanced;
  return Math.min(advanced, ceiling);
}
