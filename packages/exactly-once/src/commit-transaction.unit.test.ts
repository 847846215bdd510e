import type { Producer } from '@clawback/kafka';
import { commitTransaction, type TransactionalWrite } from './commit-transaction';
import { isExactlyOnceError } from './exactly-once-error';

/**
 * A stand-in for a kafkajs transaction that records the calls and fails where told: the
 * broker cannot be made to answer CONCURRENT_TRANSACTIONS on demand. The real broker is used
 * in commit-transaction.int.test.ts.
 */
function fakeProducer(failures: { sendOffsets?: Error[]; commit?: Error } = {}) {
  const calls: string[] = [];
  const offsetFailures = [...(failures.sendOffsets ?? [])];
  const transaction = {
    sendBatch: (request: { topicMessages: { topic: string }[] }) => {
      calls.push(`sendBatch ${request.topicMessages.map((t) => t.topic).join(',')}`);
      return Promise.resolve([{ topicName: 'out', partition: 0, errorCode: 0, baseOffset: '7' }]);
    },
    sendOffsets: (request: {
      topics: { partitions: { offset: string; metadata?: string }[] }[];
    }) => {
      const partition = request.topics[0]!.partitions[0]!;
      calls.push(`sendOffsets ${partition.offset} ${partition.metadata ?? '-'}`);
      const failure = offsetFailures.shift();
      return failure === undefined ? Promise.resolve() : Promise.reject(failure);
    },
    commit: () => {
      calls.push('commit');
      return failures.commit === undefined ? Promise.resolve() : Promise.reject(failures.commit);
    },
    abort: () => {
      calls.push('abort');
      return Promise.resolve();
    },
  };
  const producer = { transaction: () => Promise.resolve(transaction) } as unknown as Producer;
  return { producer, calls };
}

const kafkaJsError = (type: string) =>
  Object.assign(new Error(type), { name: 'KafkaJSProtocolError', type, retriable: false });

const write: TransactionalWrite = {
  topicMessages: [
    { topic: 'out', messages: [{ key: 'k', value: 'v' }] },
    { topic: 'empty', messages: [] },
  ],
  consumedOffset: { consumerGroupId: 'g', topic: 'in', partition: 2, nextOffset: '11' },
};
const fastRetry = { attempts: 3, initialDelayMs: 0, maxDelayMs: 0 };

describe('commitTransaction', () => {
  it('sends the consumed offset, then the outputs, then commits, and returns the produce answers', async () => {
    const { producer, calls } = fakeProducer();
    const produced = await commitTransaction(
      producer,
      { ...write, consumedOffset: { ...write.consumedOffset, metadata: '{"v":1}' } },
      fastRetry,
    );
    expect(calls).toEqual(['sendOffsets 11 {"v":1}', 'sendBatch out', 'commit']);
    expect(produced).toEqual([{ topicName: 'out', partition: 0, errorCode: 0, baseOffset: '7' }]);
  });

  it('commits only the offset when there are no outputs', async () => {
    const { producer, calls } = fakeProducer();
    await commitTransaction(producer, { ...write, topicMessages: [] }, fastRetry);
    expect(calls).toEqual(['sendOffsets 11 -', 'commit']);
  });

  it('retries sendOffsets on CONCURRENT_TRANSACTIONS', async () => {
    const busy = kafkaJsError('CONCURRENT_TRANSACTIONS');
    const { producer, calls } = fakeProducer({ sendOffsets: [busy, busy] });
    const retries: number[] = [];
    await commitTransaction(producer, write, {
      ...fastRetry,
      onRetry: (attempt) => retries.push(attempt),
    });
    // The records wait until the coordinator took the transaction: they never meet the
    // CONCURRENT_TRANSACTIONS answer themselves (kafkajs would retry them after 300 ms).
    expect(calls).toEqual([
      'sendOffsets 11 -',
      'sendOffsets 11 -',
      'sendOffsets 11 -',
      'sendBatch out',
      'commit',
    ]);
    expect(retries).toEqual([1, 2]);
  });

  it('aborts and throws a retriable producer_fenced when a newer producer exists', async () => {
    const { producer, calls } = fakeProducer({ commit: kafkaJsError('INVALID_PRODUCER_EPOCH') });
    const error: unknown = await commitTransaction(producer, write, fastRetry).catch(
      (e: unknown) => e,
    );
    expect(isExactlyOnceError(error, 'producer_fenced')).toBe(true);
    expect((error as { retriable: boolean }).retriable).toBe(true);
    expect(calls[calls.length - 1]).toBe('abort');
  });

  it('aborts and throws transaction_failed for anything else, keeping the cause', async () => {
    const cause = kafkaJsError('CONCURRENT_TRANSACTIONS');
    const { producer, calls } = fakeProducer({ sendOffsets: [cause, cause, cause] });
    const error: unknown = await commitTransaction(producer, write, fastRetry).catch(
      (e: unknown) => e,
    );
    expect(isExactlyOnceError(error, 'transaction_failed')).toBe(true);
    expect((error as Error).message).toMatch(/in\[2\]/);
    expect((error as Error).cause).toBe(cause);
    expect(calls).not.toContain('commit');
    expect(calls[calls.length - 1]).toBe('abort');
  });
});
