import { apicurioJvmOptions } from './apicurio-options';

describe('apicurioJvmOptions', () => {
  const options = apicurioJvmOptions({
    host: '127.0.0.1',
    port: 18081,
    managementPort: 18082,
    kafkaBootstrap: '127.0.0.1:19092',
    heap: '384m',
  });

  it('keeps schemas in Kafka, so they survive a restart', () => {
    expect(options).toContain('-Dapicurio.storage.kind=kafkasql');
    expect(options).toContain('-Dapicurio.kafkasql.bootstrap.servers=127.0.0.1:19092');
  });

  it('binds both HTTP interfaces to the configured host, never 0.0.0.0:9000', () => {
    expect(options).toContain('-Dquarkus.http.host=127.0.0.1');
    expect(options).toContain('-Dquarkus.http.port=18081');
    expect(options).toContain('-Dquarkus.management.host=127.0.0.1');
    expect(options).toContain('-Dquarkus.management.port=18082');
  });

  it('caps the heap', () => {
    expect(options).toContain('-Xmx384m');
  });
});

describe('apicurioJvmOptions with a config file', () => {
  it('reads the extra settings (basic auth) from the file, not the command line', () => {
    const base = {
      host: '127.0.0.1',
      port: 18081,
      managementPort: 18082,
      kafkaBootstrap: '127.0.0.1:19092',
      heap: '384m',
    };
    expect(apicurioJvmOptions({ ...base, configFile: '/c/registry-auth.properties' })).toContain(
      '-Dquarkus.config.locations=file:/c/registry-auth.properties',
    );
    expect(apicurioJvmOptions(base).some((o) => o.includes('config.locations'))).toBe(false);
  });
});
