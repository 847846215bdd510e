import { settingsFromEnv } from './settings';

describe('settingsFromEnv', () => {
  it('puts the controller and the management port next to the ports clients use', () => {
    const settings = settingsFromEnv({}, '/repo/infra');
    expect(settings.kafkaControllerPort).toBe(19093);
    expect(settings.registryManagementPort).toBe(18082);
    expect(settings.paths.cacheDir).toBe('/repo/infra/.cache');
    expect(settings.paths.kafkaLibs).toBe('/repo/infra/.cache/kafka/3.9.1-scala2.13');
  });

  it('follows moved ports and accepts explicit ones', () => {
    const moved = settingsFromEnv(
      { KAFKA_BROKERS: '127.0.0.1:29092', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:28081/x' },
      '/r',
    );
    expect(moved.kafkaControllerPort).toBe(29093);
    expect(moved.registryManagementPort).toBe(28082);
    expect(
      settingsFromEnv({ CLAWBACK_KAFKA_CONTROLLER_PORT: '40000' }, '/r').kafkaControllerPort,
    ).toBe(40000);
  });

  it('rejects a timeout that is not a positive integer', () => {
    expect(() => settingsFromEnv({ CLAWBACK_INFRA_START_TIMEOUT_MS: '10s' }, '/r')).toThrow(
      /CLAWBACK_INFRA_START_TIMEOUT_MS/,
    );
  });
});
