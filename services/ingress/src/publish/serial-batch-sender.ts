import type { Message, Producer } from '@clawback/kafka';

/** Limits of one produce request. */
export interface BatchLimits {
  /** Records per request. */
  readonly maxRecords: number;
  /** Value and key bytes per request; kept under the broker's default 1 MiB batch size. */
  readonly maxBytes: number;
}

/** Defaults of {@link BatchLimits}. */
const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRecords: 200, maxBytes: 900 * 1024 };

interface Queued {
  readonly message: Message;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Sends records to one topic with one produce request at a time: kafkajs's idempotent producer
 * has lost or rejected records (OUT_OF_ORDER_SEQUENCE_NUMBER) when sends overlap, so records
 * arriving while a request is in flight wait and go together in the next one. Each record's
 * promise settles with its request, with acks from all in-sync replicas.
 */
export class SerialBatchSender {
  private readonly queue: Queued[] = [];
  private sending = false;

  constructor(
    private readonly producer: Pick<Producer, 'send'>,
    private readonly topic: string,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  /** Resolves when Kafka acknowledged `message`. */
  send(message: Message): Promise<void> {
    const bytes = byteLength(message.value) + byteLength(message.key);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ message, bytes, resolve, reject });
      if (!this.sending) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.sending = true;
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      try {
        await this.producer.send({
          topic: this.topic,
          acks: -1,
          messages: batch.map((item) => item.message),
        });
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.sending = false;
  }

  private takeBatch(): Queued[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < this.limits.maxRecords) {
      const next = this.queue[count]!;
      if (count > 0 && bytes + next.bytes > this.limits.maxBytes) break;
      bytes += next.bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }
}

function byteLength(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
