import type { Producer } from '@clawback/kafka';
import { SerialBatchSender } from './serial-batch-sender';

type SendRequest = Parameters<Producer['send']>[0];

/** A producer whose requests the test completes one by one, recording overlap. */
function scriptedProducer() {
  const requests: SendRequest[] = [];
  const finish: ((error?: Error) => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const producer: Pick<Producer, 'send'> = {
    send: (request) =>
      new Promise((resolve, reject) => {
        requests.push(request);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        finish.push((error) => {
          inFlight--;
          if (error) reject(error);
          else resolve([]);
        });
      }),
  };
  return { producer, requests, finish, maxInFlight: () => maxInFlight };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SerialBatchSender', () => {
  it('keeps one request in flight and sends what queued meanwhile as one batch', async () => {
    const { producer, requests, finish, maxInFlight } = scriptedProducer();
    const sender = new SerialBatchSender(producer, 'raw');

    const first = sender.send({ key: 'a', value: Buffer.from('1') });
    const second = sender.send({ key: 'b', value: Buffer.from('2') });
    const third = sender.send({ key: 'c', value: Buffer.from('3') });
    await flush();
    expect(requests).toHaveLength(1);
    finish[0]!();
    await first;
    await flush();
    finish[1]!();
    await Promise.all([second, third]);

    expect(requests.map((r) => r.messages.map((m) => m.key))).toEqual([['a'], ['b', 'c']]);
    expect(requests.every((r) => r.acks === -1 && r.topic === 'raw')).toBe(true);
    expect(maxInFlight()).toBe(1);
  });

  it('rejects every record of a failed request and goes on with the next', async () => {
    const { producer, requests, finish } = scriptedProducer();
    const sender = new SerialBatchSender(producer, 'raw');

    const failed = sender.send({ key: 'a', value: Buffer.from('1') });
    await flush();
    const next = sender.send({ key: 'b', value: Buffer.from('2') });
    finish[0]!(new Error('not enough replicas'));
    await expect(failed).rejects.toThrow('not enough replicas');
    await flush();
    finish[1]!();

    await expect(next).resolves.toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it('splits batches by byte size but always sends a single oversized record', async () => {
    const { producer, requests, finish } = scriptedProducer();
    const sender = new SerialBatchSender(producer, 'raw', { maxRecords: 10, maxBytes: 10 });

    const blocker = sender.send({ key: null, value: Buffer.alloc(1) });
    const rest = [
      sender.send({ key: null, value: Buffer.alloc(20) }),
      sender.send({ key: null, value: Buffer.alloc(4) }),
      sender.send({ key: null, value: Buffer.alloc(4) }),
    ];
    for (let i = 0; i < 3; i++) {
      await flush();
      finish[i]!();
    }
    await Promise.all([blocker, ...rest]);

    expect(requests.map((r) => r.messages.length)).toEqual([1, 1, 2]);
  });
});
