import type { Logger } from '@clawback/logging';
import type { Consumer } from 'kafkajs';

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
