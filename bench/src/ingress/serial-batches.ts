import type { Message, Producer } from '@clawback/kafka';

/** Records per request at most: the ingress's cap. */
const MAX_RECORDS = 200;

interface Waiting {
  readonly message: Message;
  readonly settle: (error?: Error) => void;
}

/**
 * The ingress's batching, stripped down (the benchmark's own, so that the baseline does not
 * move with the code it measures): one produce request in flight, and the records that arrive
 * meanwhile go together in the next, up to 200. Resolves each record with its request.
 */
export function serialBatches(
  producer: Pick<Producer, 'send'>,
  topic: string,
): (message: Message) => Promise<void> {
  const queue: Waiting[] = [];
  let sending = false;
  const pump = async (): Promise<void> => {
    sending = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_RECORDS);
      try {
        await producer.send({ topic, acks: -1, messages: batch.map((w) => w.message) });
        for (const waiting of batch) waiting.settle();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const waiting of batch) waiting.settle(failure);
      }
    }
    sending = false;
  };
  return (message) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ message, settle: (error) => (error ? reject(error) : resolve()) });
      if (!sending) void pump();
    });
}
