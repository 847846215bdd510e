import { kafkaLoggingBackend } from '../config/versions';
import { brokerLoggingConfig, loggingConfigOption } from './logging-config';

describe('broker logging configuration', () => {
  it('uses log4j 1 properties and a file URL for Kafka 3.x', () => {
    const backend = kafkaLoggingBackend('3.9.1');
    expect(brokerLoggingConfig(backend)).toContain('log4j.rootLogger=INFO, stdout');
    expect(loggingConfigOption(backend, '/c/log.properties')).toBe(
      '-Dlog4j.configuration=file:/c/log.properties',
    );
  });

  it('uses log4j2 properties and a plain path for Kafka 4.x', () => {
    const backend = kafkaLoggingBackend('4.1.0');
    expect(brokerLoggingConfig(backend)).toContain('rootLogger.appenderRef.stdout.ref=STDOUT');
    expect(loggingConfigOption(backend, '/c/log.properties')).toBe(
      '-Dlog4j2.configurationFile=/c/log.properties',
    );
  });
});
