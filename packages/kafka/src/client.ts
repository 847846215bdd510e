// Before kafkajs loads: its producers then send through send-per-broker.ts.
import './send-per-broker-install';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig } from '@clawback/config';
import type { Logger } from '@clawback/logging';
import { Kafka, type KafkaConfig as KafkaJsConfig, type SASLOptions } from 'kafkajs';
import { installAbortedTransactionsFix } from './aborted-transactions';
import { kafkajsLevel, pinoLogCreator, type RetriableResponseListener } from './log-creator';
import { installOffsetsLeaderRefresh } from './offsets-leader-refresh';
import { installSendPerBroker, sendPerBrokerWarning } from './send-per-broker-install';
import { installTransactionCoordinatorCache } from './transaction-coordinator-cache';

/** Options for {@link createKafkaClient}. */
export interface KafkaClientOptions {
  /** kafkajs's logs go here; silent when omitted. */
  readonly logger?: Logger;
  /** Overrides the configured client id, e.g. per service. */
  readonly clientId?: string;
  /** Reads TLS files; injectable for tests. */
  readonly readFile?: (path: string) => Buffer;
  /** Connection and request timeout (defaults 3 s and 30 s), e.g. short for a probe. */
  readonly timeoutMs?: number;
  /** How often kafkajs retries a request itself (its default when omitted). */
  readonly retries?: number;
  /**
   * Told of each broker error answer that a retry fixes (logged at debug, not error); wire it
   * to a counter, e.g. `kafkaRetriesCounter(registry)`.
   */
  readonly onRetriableResponse?: RetriableResponseListener;
}

/** The kafkajs options for a configuration: pure apart from reading TLS files. */
export function kafkaJsConfig(
  config: KafkaConfig,
  options: KafkaClientOptions = {},
): KafkaJsConfig {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path));
  const logger = options.logger;
  return {
    clientId: options.clientId ?? config.clientId,
    brokers: [...config.brokers],
    ...(config.sasl && { sasl: saslOptions(config.sasl) }),
    ...(config.tls && { ssl: tlsOptions(config.tls, readFile) }),
    connectionTimeout: options.timeoutMs ?? 3000,
    requestTimeout: options.timeoutMs ?? 30000,
    ...(options.retries !== undefined && { retry: { retries: options.retries } }),
    logLevel: logger ? kafkajsLevel(logger.level) : kafkajsLevel('silent'),
    ...(logger && { logCreator: pinoLogCreator(logger, options.onRetriableResponse) }),
  };
}

function saslOptions(sasl: NonNullable<KafkaConfig['sasl']>): SASLOptions {
  const { username, password } = sasl;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

function tlsOptions(
  tls: NonNullable<KafkaConfig['tls']>,
  readFile: (path: string) => Buffer,
): ConnectionOptions {
  return {
    rejectUnauthorized: tls.rejectUnauthorized,
    ...(tls.caFile && { ca: [readFile(tls.caFile)] }),
    ...(tls.certFile && { cert: readFile(tls.certFile) }),
    ...(tls.keyFile && { key: readFile(tls.keyFile) }),
  };
}

/** Whether the fallback warning was logged: once per process is enough. */
let fallbackWarned = false;

/**
 * The one place a Kafka client is built. Everything else takes the returned client, so
 * swapping kafkajs for another KafkaJS-style client changes this module only.
 */
export function createKafkaClient(config: KafkaConfig, options: KafkaClientOptions = {}): Kafka {
  installAbortedTransactionsFix();
  installTransactionCoordinatorCache();
  installOffsetsLeaderRefresh();
  const fallback = sendPerBrokerWarning(installSendPerBroker());
  if (fallback !== undefined && options.logger && !fallbackWarned) {
    fallbackWarned = true;
    options.logger.warn({ component: 'kafka' }, fallback);
  }
  return new Kafka(kafkaJsConfig(config, options));
}
