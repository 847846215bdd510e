import type { Logger } from '@clawback/logging';

/** A consumer the supervisor can start, stop and replace. */
export interface SupervisedConsumer {
  /** Joins the group and starts consuming. */
  start(): Promise<void>;
  /** Stops fetching, lets the batch in flight finish or fail, leaves the group. */
  stop(): Promise<void>;
  /** Resolves at the first partition assignment. */
  readonly joined: Promise<void>;
}

/** Options for {@link superviseConsumer}. */
export interface SuperviseOptions {
  /** Builds a fresh consumer; it calls `onFatal` when kafkajs gives up on it. */
  readonly create: (onFatal: (error: Error) => void) => SupervisedConsumer;
  readonly logger: Logger;
  /** Told about each restart (e.g. a metric), before the old consumer is stopped. */
  readonly onRestart?: (error: Error) => void;
}

/** One consumer kept running across fatal crashes; its `joined` is the first one's. */
export interface Supervisor extends SupervisedConsumer {
  /**
   * Replaces the running consumer with a fresh one now, as after a fatal crash (e.g. when the
   * state its tasks opened with is gone and they must reopen). Resolves once it runs.
   */
  restart(reason: Error): Promise<void>;
}

/**
 * Keeps one consumer running: when kafkajs gives up on it (rebalance-time crashes,
 * tulios/kafkajs#1527, #1441, #558), the consumer is stopped and a fresh one from `create`
 * joins the group; its partition tasks fence and re-read everything from committed data, so
 * nothing is lost or doubled. Restarts triggered while one is under way are folded into it.
 */
export function superviseConsumer(options: SuperviseOptions): Supervisor {
  let current: SupervisedConsumer | undefined;
  let stopped = false;
  let restarting: Promise<void> | undefined;
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const launch = async (): Promise<void> => {
    const consumer = options.create((error) => void restart(error));
    current = consumer;
    void consumer.joined.then(markJoined);
    await consumer.start();
  };
  const restart = (error: Error): Promise<void> =>
    (restarting ??= (async () => {
      options.logger.warn({ err: error }, 'restarting the consumer');
      options.onRestart?.(error);
      await current?.stop().catch(() => undefined);
      if (!stopped) await launch();
    })()
      .catch((failure: unknown) =>
        options.logger.fatal({ err: failure }, 'consumer restart failed'),
      )
      .finally(() => (restarting = undefined)));

  return {
    joined,
    start: launch,
    restart,
    stop: async () => {
      stopped = true;
      await restarting;
      await current?.stop();
    },
  };
}
