import { transactionalIdFor } from './producers';

describe('transactionalIdFor', () => {
  it('encodes prefix, topic and partition, so each input partition has its own id', () => {
    expect(transactionalIdFor('order-lifecycle', 'payments.notifications.raw', 7)).toBe(
      'order-lifecycle-payments.notifications.raw-7',
    );
    expect(transactionalIdFor('p', 't', 0)).not.toBe(transactionalIdFor('p', 't', 1));
  });

  it('rejects impossible partitions', () => {
    expect(() => transactionalIdFor('p', 't', -1)).toThrow(RangeError);
    expect(() => transactionalIdFor('p', 't', 1.5)).toThrow(RangeError);
  });
});
