import type { Logger } from '@clawback/logging';
import type { Consumer, ConsumerRunConfig, Kafka } from 'kafkajs';

/** Options for {@link createConsumer}. */
export interface ConsumerOptions {
  readonly groupId: string;
  /**
   * Whether `run()` commits offsets by itself. Off for consumers whose offsets are committed
   * inside a transaction (`sendOffsets`) or only after their outputs are durable.
   */
  readonly autoCommit: boolean;
  /** Default false: read_committed, so aborted transactions are never seen. */
  readonly readUncommitted?: boolean;
  readonly sessionTimeoutMs?: number;
}

/**
 * A consumer reading committed data only, with `autoCommit` fixed at creation so that a
 * caller cannot forget it in `run()`.
 */
export function createConsumer(kafka: Kafka, options: ConsumerOptions): Consumer {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    readUncommitted: options.readUncommitted ?? false,
    allowAutoTopicCreation: false,
    ...(options.sessionTimeoutMs !== undefined && { sessionTimeout: options.sessionTimeoutMs }),
  });
  const run = consumer.run.bind(consumer);
  return Object.assign(consumer, {
    run: (config: ConsumerRunConfig = {}) => run({ ...config, autoCommit: options.autoCommit }),
  });
}

/**
 * Logs consumer crashes and calls `onFatal` when kafkajs gives up restarting the consumer
 * (it restarts by itself after retriable crashes). Rebalance-time crashes are known kafkajs
 * problems (tulios/kafkajs#1527, #1441, #558); a fatal one should end the process so that the
 * supervisor starts a clean one, whose transactional ids fence anything left over.
 */
export function watchConsumerCrashes(
  consumer: Consumer,
  options: { readonly logger: Logger; readonly onFatal: (error: Error) => void },
): void {
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    options.logger.error(
      { err: payload.error, groupId: payload.groupId, restart: payload.restart },
      'consumer crashed',
    );
    if (!payload.restart) options.onFatal(payload.error);
  });
}
