import {
  ABORTED_PRODUCER_ID,
  abortedRecordOffsets,
  PATCHED_KAFKAJS_VERSION,
  patchIncompatibility,
  rewriteAbortedRecords,
  type FetchedPartition,
} from './aborted-transactions';

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);

/** A record of producer `pid` (transactional unless `plain`), or a control marker. */
const data = (offset: number, pid: string, plain = false) => ({
  offset: String(offset),
  key: null,
  batchContext: { producerId: plain ? '-1' : pid, inTransaction: !plain },
});
const marker = (offset: number, pid: string, key: Buffer) => ({
  offset: String(offset),
  key,
  isControlRecord: true,
  batchContext: { producerId: pid, inTransaction: true },
});

/**
 * Offsets 1..4 interleave transactions of producers 1 and 2; 2 aborts (marker 5), then 1
 * aborts (marker 6); the broker lists them in marker order: 2 before 1.
 */
const interleaved = (from: number): FetchedPartition => ({
  abortedTransactions: [
    { producerId: '2', firstOffset: '2' },
    { producerId: '1', firstOffset: '1' },
  ],
  messages: [
    data(0, '', true),
    data(1, '1'),
    data(2, '2'),
    data(3, '1'),
    data(4, '2'),
    marker(5, '2', ABORT),
    marker(6, '1', ABORT),
    data(7, '', true),
  ].filter((record) => Number(record.offset) >= from),
});

describe('aborted transactions (read_committed)', () => {
  it('finds every aborted record, whatever the order of the broker list', () => {
    expect([...abortedRecordOffsets(interleaved(0))].sort()).toEqual(['1', '2', '3', '4']);
  });

  it('finds them when the fetch starts inside several aborted transactions', () => {
    expect([...abortedRecordOffsets(interleaved(3))].sort()).toEqual(['3', '4']);
  });

  it('keeps committed transactions and records of a producer after its abort marker', () => {
    const partition: FetchedPartition = {
      abortedTransactions: [{ producerId: '1', firstOffset: '2' }],
      messages: [
        data(0, '1'),
        marker(1, '1', COMMIT),
        data(2, '1'),
        marker(3, '1', ABORT),
        data(4, '1'),
      ],
    };
    expect([...abortedRecordOffsets(partition)]).toEqual(['2']);
  });

  it('rewrites aborted records so that a one-entry list names exactly them', () => {
    const partition = interleaved(0);
    rewriteAbortedRecords(partition);
    expect(partition.abortedTransactions).toEqual([
      { producerId: ABORTED_PRODUCER_ID, firstOffset: '1' },
    ]);
    expect(partition.messages.map((r) => r.batchContext.producerId)).toEqual([
      '-1',
      ABORTED_PRODUCER_ID,
      ABORTED_PRODUCER_ID,
      ABORTED_PRODUCER_ID,
      ABORTED_PRODUCER_ID,
      '2',
      '1',
      '-1',
    ]);
  });

  it('leaves a partition without aborted transactions alone', () => {
    const partition: FetchedPartition = { abortedTransactions: [], messages: [data(0, '1')] };
    rewriteAbortedRecords(partition);
    expect(partition.messages[0]!.batchContext.producerId).toBe('1');
  });
});

describe('the start-up check of the kafkajs patch', () => {
  const broker = { prototype: { fetch: () => undefined } };

  it('accepts the pinned kafkajs with its broker fetch', () => {
    expect(patchIncompatibility(PATCHED_KAFKAJS_VERSION, broker)).toBeNull();
  });

  it('refuses another kafkajs version, naming both versions', () => {
    const problem = patchIncompatibility('2.3.0', broker);
    expect(problem).toContain('kafkajs 2.3.0');
    expect(problem).toContain(PATCHED_KAFKAJS_VERSION);
  });

  it('refuses a kafkajs whose broker has no fetch method', () => {
    expect(patchIncompatibility(PATCHED_KAFKAJS_VERSION, { prototype: {} })).toContain(
      'no prototype.fetch',
    );
  });
});
