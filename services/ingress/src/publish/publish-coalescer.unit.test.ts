import type { SafeDedupe } from '../dedupe/guarded-dedupe';
import type { NotificationPublisher, RawNotificationRecord } from './notification-publisher';
import { PublishCoalescer, type PublishResult } from './publish-coalescer';

/** A publisher whose acknowledgements the test hands out one by one. */
function controlledPublisher() {
  const sent: RawNotificationRecord[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const publisher: NotificationPublisher = {
    publish: (record) =>
      new Promise<void>((resolve, reject) => {
        sent.push(record);
        pending.push({ resolve, reject });
      }),
    isReady: () => Promise.resolve(true),
  };
  return { publisher, sent, pending };
}

function recordingDedupe() {
  const remembered: [string, string][] = [];
  const dedupe: SafeDedupe = {
    seen: () => Promise.resolve(false),
    remember: (id, ingressId) => {
      remembered.push([id, ingressId]);
      return Promise.resolve();
    },
  };
  return { dedupe, remembered };
}

const record = (ingressId: string): RawNotificationRecord => ({
  ingressId,
  provider: 'click2sell',
  merchantId: 'm1',
  orderKey: 'click2sell:m1:1',
  receivedAt: 0,
  contentType: 'application/x-www-form-urlencoded',
  body: Buffer.from('a=1'),
});

describe('PublishCoalescer', () => {
  it('joins a retry to the publish already under way for the same notification id', async () => {
    const { publisher, sent, pending } = controlledPublisher();
    const { dedupe, remembered } = recordingDedupe();
    const results: PublishResult[] = [];
    const coalescer = new PublishCoalescer({
      publisher,
      dedupe,
      now: () => 0,
      onSettled: (result) => results.push(result),
    });

    const first = coalescer.publish('n1', record('i1'));
    const retry = coalescer.publish('n1', record('i2'));
    const other = coalescer.publish('n2', record('i3'));
    expect(sent.map((r) => r.ingressId)).toEqual(['i1', 'i3']);

    pending[0]!.resolve();
    pending[1]!.resolve();
    await Promise.all([first, retry, other]);
    await coalescer.drain();

    expect(remembered).toEqual([
      ['n1', 'i1'],
      ['n2', 'i3'],
    ]);
    expect(results).toEqual(['acked', 'acked']);
    expect(coalescer.pending).toBe(0);
  });

  it('remembers nothing for a failed publish and publishes the next attempt anew', async () => {
    const { publisher, sent, pending } = controlledPublisher();
    const { dedupe, remembered } = recordingDedupe();
    const results: PublishResult[] = [];
    const coalescer = new PublishCoalescer({
      publisher,
      dedupe,
      now: () => 0,
      onSettled: (result) => results.push(result),
    });

    const first = coalescer.publish('n1', record('i1'));
    pending[0]!.reject(new Error('broker gone'));
    await expect(first).rejects.toThrow('broker gone');
    await coalescer.drain();
    const second = coalescer.publish('n1', record('i2'));
    pending[1]!.resolve();
    await second;
    await coalescer.drain();

    expect(sent.map((r) => r.ingressId)).toEqual(['i1', 'i2']);
    expect(remembered).toEqual([['n1', 'i2']]);
    expect(results).toEqual(['failed', 'acked']);
  });

  it('remembers a late acknowledgement even after its requester stopped waiting', async () => {
    const { publisher, pending } = controlledPublisher();
    const { dedupe, remembered } = recordingDedupe();
    const coalescer = new PublishCoalescer({
      publisher,
      dedupe,
      now: () => 0,
      onSettled: () => {},
    });

    void coalescer.publish('n1', record('i1')).catch(() => {});
    expect(coalescer.pending).toBe(1);
    pending[0]!.resolve();
    await coalescer.drain();

    expect(remembered).toEqual([['n1', 'i1']]);
  });
});
