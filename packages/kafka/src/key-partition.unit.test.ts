import { Partitioners } from 'kafkajs';
import { partitionOfKey } from './key-partition';

describe('partitionOfKey', () => {
  it('places every key where the producers partitioner does, for 1 to 12 partitions', () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'kartra:lumen-academy:5702', 'ünï', 'x'.repeat(37)];
    for (let n = 0; n < 300; n++) keys.push(`2checkout:shop:${n * 7919}`);
    for (const partitions of [1, 2, 3, 6, 12]) {
      const metadata = Array.from({ length: partitions }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [0],
        isr: [0],
      }));
      for (const key of keys) {
        const expected = partitioner({
          topic: 't',
          partitionMetadata: metadata,
          message: { key, value: null },
        });
        expect([key, partitions, partitionOfKey(key, partitions)]).toEqual([
          key,
          partitions,
          expected,
        ]);
      }
    }
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => partitionOfKey('k', 0)).toThrow(RangeError);
  });
});
