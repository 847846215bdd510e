import {
  DEFAULT_VERSIONS,
  apicurioMinimumJava,
  compareVersions,
  kafkaLoggingBackend,
  versionsFromEnv,
} from './versions';

describe('compareVersions', () => {
  it.each([
    ['3.2.1', '3.2.1', 0],
    ['3.2.0', '3.2.1', -1],
    ['3.10.0', '3.9.9', 1],
    ['4.0', '4.0.0', 0],
    ['2.6.13.Final', '3.0.0', -1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('apicurioMinimumJava', () => {
  it('asks for Java 21 from 3.2.1 on and 17 before', () => {
    expect(apicurioMinimumJava('3.0.9')).toBe(17);
    expect(apicurioMinimumJava('3.2.0')).toBe(17);
    expect(apicurioMinimumJava('3.2.1')).toBe(21);
    expect(apicurioMinimumJava('3.3.3')).toBe(21);
  });
});

describe('versionsFromEnv', () => {
  it('uses the defaults when nothing is set or a variable is empty', () => {
    expect(versionsFromEnv({})).toEqual(DEFAULT_VERSIONS);
    expect(versionsFromEnv({ CLAWBACK_KAFKA_VERSION: '' })).toEqual(DEFAULT_VERSIONS);
  });

  it('lets each version be overridden on its own', () => {
    const versions = versionsFromEnv({
      CLAWBACK_KAFKA_VERSION: '4.1.0',
      CLAWBACK_APICURIO_VERSION: '3.0.9',
    });
    expect(versions).toEqual({ ...DEFAULT_VERSIONS, kafka: '4.1.0', apicurio: '3.0.9' });
  });
});

describe('kafkaLoggingBackend', () => {
  it('uses reload4j for Kafka 3.x and log4j2 for 4.x', () => {
    expect(kafkaLoggingBackend('3.9.1')).toMatchObject({
      artifactId: 'slf4j-reload4j',
      configProperty: 'log4j.configuration',
    });
    expect(kafkaLoggingBackend('4.1.0').configProperty).toBe('log4j2.configurationFile');
  });
});
