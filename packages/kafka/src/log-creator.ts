import type { Logger } from '@clawback/logging';
import { type LogEntry, logLevel } from 'kafkajs';

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

/**
 * A kafkajs `logCreator` that writes kafkajs's logs through our pino logger (and so through
 * its redaction), tagged with kafkajs's namespace.
 */
export function pinoLogCreator(logger: Logger): () => (entry: LogEntry) => void {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const context = { namespace, ...fields };
      if (level === logLevel.ERROR) kafkaLogger.error(context, message);
      else if (level === logLevel.WARN) kafkaLogger.warn(context, message);
      else if (level === logLevel.INFO) kafkaLogger.info(context, message);
      else kafkaLogger.debug(context, message);
    };
}
