import { createLifecycleConsumer, type LifecycleConsumer } from './lifecycle-consumer';
import type { PartitionTaskDeps } from './partition-task-deps';

/** One consumer kept running across fatal crashes. */
export interface Supervisor {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly joined: Promise<void>;
}

/**
 * Keeps one consumer running: when kafkajs gives up on it (rebalance-time crashes,
 * tulios/kafkajs#1527, #1441, #558), the consumer and its partition producers are closed and a
 * new one joins the group; its tasks fence and re-read everything from committed data.
 */
export function superviseConsumer(deps: PartitionTaskDeps): Supervisor {
  let current: LifecycleConsumer | undefined;
  let stopped = false;
  let restarting: Promise<void> | undefined;
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const launch = async (): Promise<void> => {
    const consumer = createLifecycleConsumer(deps, { onFatal: (error) => void restart(error) });
    current = consumer;
    void consumer.joined.then(markJoined);
    await consumer.start();
  };
  const restart = (error: Error): Promise<void> =>
    (restarting ??= (async () => {
      deps.logger.warn({ err: error }, 'restarting the consumer');
      deps.metrics.restarts.inc();
      await current?.stop().catch(() => undefined);
      if (!stopped) await launch();
    })()
      .catch((failure: unknown) => deps.logger.fatal({ err: failure }, 'consumer restart failed'))
      .finally(() => (restarting = undefined)));

  return {
    joined,
    start: launch,
    stop: async () => {
      stopped = true;
      await restarting;
      await current?.stop();
    },
  };
}
