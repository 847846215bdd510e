import { createConsumer, type EachBatchPayload } from '@clawback/kafka';
import type { ConsumerDeps } from './consumer-deps';
import { PartitionSession } from './partition-session';
import { SerialLanes } from './serial-lanes';

/** A running member of the cancellations consumer group. */
export interface CancellationsConsumer {
  /** Joins the group and starts consuming. */
  start(): Promise<void>;
  /** Stops fetching, lets the batch in flight finish or fail, leaves the group. */
  stop(): Promise<void>;
  /** Resolves at the first partition assignment. */
  readonly joined: Promise<void>;
}

/**
 * The consumer of `orders.lifecycle.events`: `eachBatch`, `read_committed`, offsets committed
 * only inside the batch transactions. One session per input partition, opened at its first
 * batch and closed at every rebalance, so a reassigned partition is always fenced and re-read
 * from committed data.
 */
export function createCancellationsConsumer(
  deps: ConsumerDeps,
  onFatal: (error: Error) => void,
): CancellationsConsumer {
  const { settings, logger, metrics } = deps;
  const topic = settings.topics.lifecycleEvents;
  const consumer = createConsumer(deps.kafka, {
    groupId: settings.groupId,
    autoCommit: false,
    sessionTimeoutMs: settings.sessionTimeoutMs,
  });
  const sessions = new Map<number, PartitionSession>();
  const lanes = new SerialLanes();
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const closeSession = (partition: number): Promise<void> =>
    lanes.run(partition, async () => {
      const session = sessions.get(partition);
      sessions.delete(partition);
      metrics.consumerLag.remove({ partition });
      await session?.close();
    });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    logger.info({ assigned: payload.memberAssignment[topic] ?? [] }, 'partitions assigned');
    for (const partition of [...sessions.keys()]) void closeSession(partition);
    markJoined();
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    if (!payload.restart) onFatal(payload.error);
  });

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    if (!payload.isRunning() || payload.isStale()) return;
    await lanes.run(batch.partition, async () => {
      let session = sessions.get(batch.partition);
      if (!session) {
        session = await PartitionSession.open(deps, batch.partition);
        sessions.set(batch.partition, session);
      }
      try {
        await session.process(batch.messages, heartbeat);
      } catch (error) {
        sessions.delete(batch.partition);
        await session.close();
        logger.warn({ err: error, partition: batch.partition }, 'batch failed; partition reopens');
        throw error;
      }
      const last = batch.messages[batch.messages.length - 1];
      if (last !== undefined && BigInt(session.position) > BigInt(last.offset) + 1n) {
        // Committed further than kafkajs fetched (by a previous owner): skip ahead.
        consumer.seek({ topic, partition: batch.partition, offset: session.position });
      } else if (last !== undefined) {
        payload.resolveOffset(last.offset);
      }
      const lag = BigInt(batch.highWatermark) - BigInt(session.position);
      metrics.consumerLag.set({ partition: batch.partition }, Number(lag > 0n ? lag : 0n));
    });
    await heartbeat();
  };

  return {
    joined,
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.partitionConcurrency,
        eachBatch,
      });
    },
    async stop() {
      await consumer.disconnect();
      await Promise.all([...sessions.keys()].map(closeSession));
      await lanes.idle();
    },
  };
}
