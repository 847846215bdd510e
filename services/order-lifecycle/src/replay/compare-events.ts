/** An event record read back: its id and its value bytes (Confluent wire format). */
export interface EventRecord {
  readonly eventId: string;
  readonly value: Buffer;
}

/** How one partition compared. */
interface PartitionComparison {
  readonly partition: number;
  readonly replayed: number;
  readonly original: number;
  /** Positions compared: the replayed events, or fewer if the original consumer is behind. */
  readonly compared: number;
  /** The original consumer has not yet processed as far as the replay did. */
  readonly originalBehind: boolean;
  /** The first position whose id or Avro payload differs, if any. */
  readonly firstDifference?: {
    readonly index: number;
    readonly replayedId: string;
    readonly originalId: string | null;
  };
}

/** The outcome of comparing replayed events with the originals. */
export interface EventComparison {
  readonly partitions: readonly PartitionComparison[];
  readonly equal: boolean;
}

/** Header of the Confluent wire format: magic byte and schema id. */
const HEADER = 5;

/**
 * Compares, per partition, the replayed events with the originals position by position. The
 * replay stopped at a fixed input offset while the live consumer may have gone further, so the
 * replayed events must equal the first events of the original partition: same ids in the same
 * order, same Avro payload bytes (the schema-id header may differ between subjects). Where the
 * original consumer has committed past the replay's stop offset (`originalDone`), having fewer
 * original events than replayed ones is a difference too; elsewhere it is only "behind".
 */
export function compareEvents(
  replayed: ReadonlyMap<number, readonly EventRecord[]>,
  original: ReadonlyMap<number, readonly EventRecord[]>,
  originalDone: ReadonlySet<number>,
): EventComparison {
  const partitions = [...new Set([...replayed.keys(), ...original.keys()])].sort((a, b) => a - b);
  const results = partitions.map((partition): PartitionComparison => {
    const mine = replayed.get(partition) ?? [];
    const theirs = original.get(partition) ?? [];
    const compared = Math.min(mine.length, theirs.length);
    const short = theirs.length < mine.length;
    const originalBehind = short && !originalDone.has(partition);
    const base = {
      partition,
      replayed: mine.length,
      original: theirs.length,
      compared,
      originalBehind,
    };
    for (let index = 0; index < compared; index++) {
      const a = mine[index]!;
      const b = theirs[index]!;
      if (a.eventId !== b.eventId || !a.value.subarray(HEADER).equals(b.value.subarray(HEADER))) {
        return {
          ...base,
          firstDifference: { index, replayedId: a.eventId, originalId: b.eventId },
        };
      }
    }
    if (short && !originalBehind) {
      const missing = mine[compared]!;
      return {
        ...base,
        firstDifference: { index: compared, replayedId: missing.eventId, originalId: null },
      };
    }
    return base;
  });
  return { partitions: results, equal: results.every((result) => !result.firstDifference) };
}

/** Human-readable lines for a comparison, one per partition and a result line. */
export function comparisonLines(comparison: EventComparison): string[] {
  const lines = comparison.partitions.map((p) => {
    const head = `p${p.partition}: ${p.replayed} replayed, ${p.original} original, ${p.compared} compared`;
    if (p.firstDifference) {
      const { index, replayedId, originalId } = p.firstDifference;
      return `${head}: DIFFERENT at #${index} (replayed ${replayedId}, original ${originalId ?? 'missing'})`;
    }
    return `${head}: equal${p.originalBehind ? ' (the original consumer is behind)' : ''}`;
  });
  lines.push(
    comparison.equal ? 'result: replayed events equal the originals' : 'result: DIFFERENCES found',
  );
  return lines;
}
