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
 * The checkpoint committed for a partition: `offset` as Kafka returned it (`-1` when nothing
 * was ever committed) and its metadata. A partition never committed starts at `startOffset`
 * with no watermark.
 *
 * @throws LifecycleError `invalid_checkpoint` when an offset was committed without readable
 *   metadata: continuing would silently reset the watermark and change decisions.
 */
export function decodeCheckpoint(
  offset: string,
  metadata: string | null,
  startOffset: string,
): PartitionCheckpoint {
  if (BigInt(offset) < 0n) return { nextOffset: startOffset, watermark: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata ?? '');
  } catch (cause) {
    throw new LifecycleError(
      'invalid_checkpoint',
      `offset ${offset} was committed without lifecycle metadata (${JSON.stringify(metadata)})`,
      { cause },
    );
  }
  if (!isEncoded(parsed)) {
    throw new LifecycleError(
      'invalid_checkpoint',
      `offset ${offset} carries unreadable metadata ${JSON.stringify(metadata)}`,
    );
  }
  return { nextOffset: offset, watermark: parsed.wm };
}

function isEncoded(value: unknown): value is Encoded {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.v === 1 &&
    (record.wm === null || (typeof record.wm === 'number' && Number.isSafeInteger(record.wm)))
  );
}
