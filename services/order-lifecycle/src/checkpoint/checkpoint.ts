import type { CommittedPosition } from '@clawback/exactly-once';
import { LATEST_PROVIDER_TIME_MS } from '@clawback/notifications';
import { LifecycleError } from '../lifecycle-error';

/**
 * What a partition's processing needs besides the input offset to continue exactly where the
 * last committed transaction stopped. It travels as the metadata of the offset committed in
 * that same transaction, so it can never disagree with the offset, and it survives any loss
 * of Redis or of the process.
 */
export interface PartitionCheckpoint {
  /** The next input offset to process. */
  readonly nextOffset: string;
  /**
   * The partition's watermark: the greatest provider time (epoch ms) seen so far in log order,
   * or `null` before the first notification. The orphan horizon is measured against it.
   */
  readonly watermark: number | null;
}

interface Encoded {
  readonly v: 1;
  readonly wm: number | null;
}

/** Offset-commit metadata for `checkpoint` (small JSON; brokers cap it at 4 KiB by default). */
export function encodeCheckpointMetadata(
  checkpoint: Pick<PartitionCheckpoint, 'watermark'>,
): string {
  const encoded: Encoded = { v: 1, wm: checkpoint.watermark };
  return JSON.stringify(encoded);
}

/**
 * The checkpoint of a partition from the position its group committed (offset and metadata).
 * A partition never committed starts at the position's start offset with no watermark.
 *
 * @throws LifecycleError `invalid_checkpoint` when an offset was committed without readable
 *   metadata: continuing would silently reset the watermark and change decisions.
 */
export function decodeCheckpoint(position: CommittedPosition): PartitionCheckpoint {
  const { nextOffset, metadata } = position;
  if (!position.committed) return { nextOffset, watermark: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata ?? '');
  } catch (cause) {
    throw new LifecycleError(
      'invalid_checkpoint',
      `offset ${nextOffset} was committed without lifecycle metadata (${JSON.stringify(metadata)})`,
      { cause },
    );
  }
  if (!isEncoded(parsed)) {
    throw new LifecycleError(
      'invalid_checkpoint',
      `offset ${nextOffset} carries unreadable metadata ${JSON.stringify(metadata)}`,
    );
  }
  return { nextOffset, watermark: parsed.wm === null ? null : clamped(parsed.wm) };
}

/**
 * A stored watermark never exceeds the latest plausible provider time. Versions before the
 * plausibility rule could commit one in year 9999 (or beyond); read back as is, it would
 * expire every parked notification at the next tick. The first record read then bounds it
 * further, to its own `receivedAt` + skew (`watermarkAfter`).
 */
function clamped(watermark: number): number {
  return Math.min(watermark, LATEST_PROVIDER_TIME_MS);
}

function isEncoded(value: unknown): value is Encoded {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.v === 1 &&
    (record.wm === null || (typeof record.wm === 'number' && Number.isSafeInteger(record.wm)))
  );
}
