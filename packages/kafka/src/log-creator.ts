// Before kafkajs loads: its producers then send through send-per-broker.ts.
import './send-per-broker-install';
import type { Logger } from '@clawback/logging';
import { type LogEntry, logLevel } from 'kafkajs';
import { retriableResponseType } from './retriable-responses';

/** kafkajs's level for a pino level: kafkajs has no trace or fatal. */
export function kafkajsLevel(level: string): logLevel {
  switch (level) {
    case 'silent':
      return logLevel.NOTHING;
    case 'fatal':
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'debug':
    case 'trace':
      return logLevel.DEBUG;
    default:
      return logLevel.INFO;
  }
}

/** Called once per broker error answer that a retry fixes, with its protocol type. */
export type RetriableResponseListener = (type: string) => void;

/**
 * A kafkajs `logCreator` that writes kafkajs's logs through our pino logger (and so through
 * its redaction), tagged with kafkajs's namespace. Broker answers that a retry fixes (see
 * {@link retriableResponseType}) are logged at debug and reported to `onRetriable` (a metric),
 * so that error-level lines mean real failures an operator should look at.
 */
export function pinoLogCreator(
  logger: Logger,
  onRetriable: RetriableResponseListener = () => undefined,
): () => (entry: LogEntry) => void {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const context = { namespace, ...fields };
      const retriable = level <= logLevel.WARN ? retriableResponseType(log) : null;
      if (retriable !== null) {
        onRetriable(retriable);
        kafkaLogger.debug({ ...context, retriable: retriable }, message);
      } else if (level === logLevel.ERROR) kafkaLogger.error(context, message);
      else if (level === logLevel.WARN) kafkaLogger.warn(context, message);
      else if (level === logLevel.INFO) kafkaLogger.info(context, message);
      else kafkaLogger.debug(context, message);
    };
}
