import { compareEvents, comparisonLines, type EventRecord } from './compare-events';

const header = (schemaId: number): Buffer => {
  const buffer = Buffer.alloc(5);
  buffer.writeUInt32BE(schemaId, 1);
  return buffer;
};
const event = (id: string, payload: string, schemaId = 1): EventRecord => ({
  eventId: id,
  value: Buffer.concat([header(schemaId), Buffer.from(payload)]),
});

describe('compareEvents', () => {
  it('given the replay equals the start of the originals, when compared, then they are equal even with other schema ids', () => {
    const result = compareEvents(
      new Map([[0, [event('a#0', 'A'), event('b#0', 'B')]]]),
      new Map([[0, [event('a#0', 'A', 7), event('b#0', 'B', 7), event('c#0', 'C', 7)]]]),
      new Set([0]),
    );
    expect(result.equal).toBe(true);
    expect(result.partitions).toEqual([
      { partition: 0, replayed: 2, original: 3, compared: 2, originalBehind: false },
    ]);
  });

  it('given one payload byte differs, when compared, then the first difference is reported', () => {
    const result = compareEvents(
      new Map([[1, [event('a#0', 'A'), event('b#0', 'B')]]]),
      new Map([[1, [event('a#0', 'A'), event('b#0', 'X')]]]),
      new Set([1]),
    );
    expect(result.equal).toBe(false);
    expect(result.partitions[0]!.firstDifference).toEqual({
      index: 1,
      replayedId: 'b#0',
      originalId: 'b#0',
    });
  });

  it('given fewer originals, when the original consumer is done, then the missing event is a difference', () => {
    const replayed = new Map([[0, [event('a#0', 'A'), event('b#0', 'B')]]]);
    const original = new Map([[0, [event('a#0', 'A')]]]);
    expect(compareEvents(replayed, original, new Set([0])).equal).toBe(false);
    const behind = compareEvents(replayed, original, new Set());
    expect(behind.equal).toBe(true);
    expect(behind.partitions[0]!.originalBehind).toBe(true);
  });

  it('given events in another order, when compared, then they differ', () => {
    const result = compareEvents(
      new Map([[0, [event('a#0', 'A'), event('b#0', 'B')]]]),
      new Map([[0, [event('b#0', 'B'), event('a#0', 'A')]]]),
      new Set([0]),
    );
    expect(result.equal).toBe(false);
  });

  it('given a comparison, when described, then each partition and the result get a line', () => {
    const different = compareEvents(
      new Map([[0, [event('a#0', 'A')]]]),
      new Map([[0, [event('a#0', 'B')]]]),
      new Set([0]),
    );
    expect(comparisonLines(different)).toEqual([
      'p0: 1 replayed, 1 original, 1 compared: DIFFERENT at #0 (replayed a#0, original a#0)',
      'result: DIFFERENCES found',
    ]);
    const behind = compareEvents(new Map([[0, [event('a#0', 'A')]]]), new Map(), new Set());
    expect(comparisonLines(behind)).toEqual([
      'p0: 1 replayed, 0 original, 0 compared: equal (the original consumer is behind)',
      'result: replayed events equal the originals',
    ]);
  });
});
