import { TransactionPartitions } from './transaction-partitions';

const events3 = { topic: 'events', partitions: [3] };
const state3 = { topic: 'state', partitions: [3] };

describe('TransactionPartitions', () => {
  it('given a send of two partitions announced, when the first is registered, then the request registers both and the second needs none', () => {
    const partitions = new TransactionPartitions();
    partitions.announce('tx-1', [events3, state3]);
    const first = partitions.toRegister('tx-1', [events3]);
    expect(first).toEqual([events3, state3]);
    partitions.registered('tx-1', first);
    expect(partitions.toRegister('tx-1', [state3])).toEqual([]);
  });

  it('given a transaction ended, when the next one asks for the same partition, then it is registered again', () => {
    const partitions = new TransactionPartitions();
    partitions.registered('tx-1', [events3]);
    partitions.forget('tx-1');
    expect(partitions.toRegister('tx-1', [events3])).toEqual([events3]);
  });

  it('given partitions registered for one transactional id, when another id asks for them, then it registers its own', () => {
    const partitions = new TransactionPartitions();
    partitions.registered('tx-1', [events3]);
    expect(partitions.toRegister('tx-2', [events3])).toEqual([events3]);
  });

  it('given an announcement was used, when a later request names a new partition, then only that one is registered', () => {
    const partitions = new TransactionPartitions();
    partitions.announce('tx-1', [{ topic: 'state', partitions: [1] }]);
    partitions.registered(
      'tx-1',
      partitions.toRegister('tx-1', [{ topic: 'events', partitions: [1] }]),
    );
    expect(partitions.toRegister('tx-1', [{ topic: 'events', partitions: [2] }])).toEqual([
      { topic: 'events', partitions: [2] },
    ]);
  });
});
