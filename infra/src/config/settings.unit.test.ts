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

describe('settingsFromEnv for a local cluster', () => {
  it('gives --brokers 3 its own ports, each controller next to its broker', () => {
    const settings = settingsFromEnv({}, '/r', { brokers: 3 });
    expect(settings.kafkaNodes).toEqual([
      { id: 1, host: '127.0.0.1', port: 29092, controllerPort: 29093 },
      { id: 2, host: '127.0.0.1', port: 29192, controllerPort: 29193 },
      { id: 3, host: '127.0.0.1', port: 29292, controllerPort: 29293 },
    ]);
    expect(settings.addresses.kafkaBrokers.map((b) => b.port)).toEqual([29092, 29192, 29292]);
  });

  it('reads CLAWBACK_KAFKA_NODES and takes the nodes from KAFKA_BROKERS when set', () => {
    const settings = settingsFromEnv(
      { CLAWBACK_KAFKA_NODES: '2', KAFKA_BROKERS: '127.0.0.1:30000,127.0.0.1:30010' },
      '/r',
    );
    expect(settings.kafkaNodes.map((n) => [n.port, n.controllerPort])).toEqual([
      [30000, 30001],
      [30010, 30011],
    ]);
  });

  it('keeps one node by default, whatever KAFKA_BROKERS lists', () => {
    const settings = settingsFromEnv({ KAFKA_BROKERS: '127.0.0.1:19092,127.0.0.1:19094' }, '/r');
    expect(settings.kafkaNodes).toEqual([
      { id: 1, host: '127.0.0.1', port: 19092, controllerPort: 19093 },
    ]);
  });

  it('refuses a node count KAFKA_BROKERS does not match, or out of range', () => {
    expect(() => settingsFromEnv({ KAFKA_BROKERS: '127.0.0.1:1' }, '/r', { brokers: 3 })).toThrow(
      /KAFKA_BROKERS lists 1 address/,
    );
    expect(() => settingsFromEnv({}, '/r', { brokers: 9 })).toThrow(/1 to 5 nodes/);
  });
});

describe('settingsFromEnv for the secured listener', () => {
  it('is off by default, on for --secure or CLAWBACK_KAFKA_SECURE=1, on the broker port + 2', () => {
    expect(settingsFromEnv({}, '/r').kafkaSecure).toBe(false);
    expect(settingsFromEnv({}, '/r', { secure: true }).kafkaSecure).toBe(true);
    const fromEnv = settingsFromEnv({ CLAWBACK_KAFKA_SECURE: '1' }, '/r');
    expect(fromEnv.kafkaSecure).toBe(true);
    expect(fromEnv.kafkaSecurePort).toBe(19094);
    expect(fromEnv.paths.secureDir).toBe('/r/.cache/secure');
    expect(settingsFromEnv({ CLAWBACK_KAFKA_SECURE_PORT: '40001' }, '/r').kafkaSecurePort).toBe(
      40001,
    );
  });
});
