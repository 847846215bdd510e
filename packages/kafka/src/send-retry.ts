/** What `send-per-broker.ts` does between attempts, as kafkajs 2.2.4's `sendMessages` does. */

import type { SendMessagesDeps } from './send-per-broker-deps';

/** kafkajs's own test for an answer that says the metadata is stale (`protocol/error`). */
function staleMetadata(error: { type?: string }): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kafkajs = require('kafkajs/src/protocol/error') as {
    staleMetadata: (e: { type?: string }) => boolean;
  };
  return kafkajs.staleMetadata(error);
}

/** A kafkajs-shaped error the producer's retry and `staleMetadata` checks recognise. */
export function retriableError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, retriable: true });
}

const RECONNECTABLE = new Set(['KafkaJSConnectionError', 'KafkaJSConnectionClosedError']);

/**
 * What kafkajs's producer does with a failed attempt, kept as it is: forget a closed broker,
 * reconnect a disconnected cluster, refresh metadata after an answer that says it is stale or
 * another retriable failure, give up (`bail`) on a failure that is not retriable. The retry
 * log line keeps kafkajs's wording, which `retriable-responses.ts` recognises and counts.
 */
export async function prepareRetry(
  error: unknown,
  { cluster, logger }: SendMessagesDeps,
  retry: { retryCount: number; retryTime: number },
  bail: (error: unknown) => void,
): Promise<void> {
  const e = error as { name?: string; type?: string; retriable?: boolean; message?: string };
  const { host, port } = error as { host?: string; port?: number };
  if (e.name === 'KafkaJSConnectionClosedError' && host !== undefined && port !== undefined) {
    cluster.removeBroker({ host, port });
  }
  if (!cluster.isConnected()) {
    logger.debug(`Cluster has disconnected, reconnecting: ${e.message}`, retry);
    await cluster.connect();
    await cluster.refreshMetadata();
    return;
  }
  const refresh =
    staleMetadata(e) ||
    e.name === 'KafkaJSMetadataNotLoaded' ||
    RECONNECTABLE.has(e.name ?? '') ||
    (e.name === 'KafkaJSProtocolError' && e.retriable === true);
  if (refresh) {
    logger.error(`Failed to send messages: ${e.message}`, retry);
    await cluster.refreshMetadata();
    return;
  }
  logger.error(`${e.message}`, retry);
  if (e.retriable !== true) bail(error);
}
