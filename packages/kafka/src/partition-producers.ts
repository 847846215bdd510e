import type { Kafka, Producer } from 'kafkajs';
import { createTransactionalProducer, initTransactions, transactionalIdFor } from './producers';

/**
 * One connected transactional producer per input topic-partition, created when the partition
 * is first processed and closed when it is revoked. This is the fencing scheme of
 * {@link transactionalIdFor}: whoever owns a partition owns its transactional id.
 */
export class PartitionProducers {
  private readonly producers = new Map<string, Promise<Producer>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly transactionalIdPrefix: string,
    private readonly transactionTimeoutMs?: number,
  ) {}

  /**
   * The connected producer for `topic`/`partition`; on first use it connects and fences any
   * zombie with the same transactional id ({@link initTransactions}). Acquire it when the
   * partition is assigned, then read the committed offset: anything a zombie committed
   * before being fenced is then already visible.
   */
  forPartition(topic: string, partition: number): Promise<Producer> {
    const id = transactionalIdFor(this.transactionalIdPrefix, topic, partition);
    let producer = this.producers.get(id);
    if (!producer) {
      producer = this.connect(id);
      this.producers.set(id, producer);
      // A failed connect must not stay cached: the next call tries again.
      producer.catch(() => this.producers.delete(id));
    }
    return producer;
  }

  /** Disconnects and forgets the producer of a revoked partition. */
  async release(topic: string, partition: number): Promise<void> {
    const id = transactionalIdFor(this.transactionalIdPrefix, topic, partition);
    const producer = this.producers.get(id);
    this.producers.delete(id);
    if (producer) await (await producer).disconnect();
  }

  /** Disconnects every producer, e.g. on shutdown. */
  async closeAll(): Promise<void> {
    const all = [...this.producers.values()];
    this.producers.clear();
    await Promise.allSettled(all.map(async (producer) => (await producer).disconnect()));
  }

  private async connect(transactionalId: string): Promise<Producer> {
    const producer = createTransactionalProducer(this.kafka, {
      transactionalId,
      ...(this.transactionTimeoutMs !== undefined && {
        transactionTimeoutMs: this.transactionTimeoutMs,
      }),
    });
    await producer.connect();
    await initTransactions(producer);
    return producer;
  }
}
