import type { LoggingBackend } from '../config/versions';

const PATTERN = '[%d] %p %m (%c)%n';

/**
 * Logging configuration for the broker: everything to stdout (which the scripts send to
 * `infra/.cache/logs/kafka.log`), INFO, with the per-request and state-change chatter at WARN.
 * Kafka 3.x reads log4j 1 properties (reload4j); 4.x reads log4j2 properties.
 */
export function brokerLoggingConfig(backend: LoggingBackend): string {
  if (backend.configProperty === 'log4j.configuration') {
    return [
      'log4j.rootLogger=INFO, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      `log4j.appender.stdout.layout.ConversionPattern=${PATTERN}`,
      'log4j.logger.kafka.request.logger=WARN',
      'log4j.logger.state.change.logger=WARN',
      '',
    ].join('\n');
  }
  return [
    'appender.stdout.type=Console',
    'appender.stdout.name=STDOUT',
    'appender.stdout.layout.type=PatternLayout',
    `appender.stdout.layout.pattern=${PATTERN}`,
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.stdout.ref=STDOUT',
    'logger.request.name=kafka.request.logger',
    'logger.request.level=WARN',
    'logger.state.name=state.change.logger',
    'logger.state.level=WARN',
    '',
  ].join('\n');
}

/** The `-D` option that points the broker at that file (log4j 1 wants a URL). */
export function loggingConfigOption(backend: LoggingBackend, file: string): string {
  const value = backend.configProperty === 'log4j.configuration' ? `file:${file}` : file;
  return `-D${backend.configProperty}=${value}`;
}
