import { type CancellationsConsumer, createCancellationsConsumer } from './cancellations-consumer';
import type { ConsumerDeps } from './consumer-deps';

/**
 * Keeps one consumer running: when kafkajs gives up on it (rebalance-time crashes,
 * tulios/kafkajs#1527, #1441), it is stopped and a fresh one joins; its sessions fence and
 * re-read from committed data, so nothing is lost or doubled.
 */
export function superviseConsumer(deps: ConsumerDeps): CancellationsConsumer {
  let current: CancellationsConsumer | undefined;
  let stopped = false;
  let restarting: Promise<void> | undefined;
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const launch = async (): Promise<void> => {
    const consumer = createCancellationsConsumer(deps, (error) => void restart(error));
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
    async stop() {
      stopped = true;
      await restarting;
      await current?.stop();
    },
  };
}
