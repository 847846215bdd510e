import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeClientEnv } from './secure-material';

describe('writeClientEnv', () => {
  let dir: string;
  const material = {
    caFile: '/s/ca.pem',
    keystoreFile: '/s/broker.p12',
    keystorePassword: 'ks',
    username: 'clawback',
    password: 'kafka-pw',
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clawback-client-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Kafka settings only, when the registry is not secured here', () => {
    const text = readFileSync(writeClientEnv(dir, material, ['127.0.0.1:19094']), 'utf8');
    expect(text).toContain('KAFKA_SASL_PASSWORD=kafka-pw\n');
    expect(text).not.toContain('SCHEMA_REGISTRY');
  });

  it('adds the registry URL and basic-auth user, readable by its owner only', () => {
    const file = writeClientEnv(dir, material, ['127.0.0.1:19094'], {
      url: 'http://127.0.0.1:18081/apis/ccompat/v7',
      username: 'clawback',
      password: 'registry-pw',
    });
    expect(readFileSync(file, 'utf8')).toContain(
      'SCHEMA_REGISTRY_URL=http://127.0.0.1:18081/apis/ccompat/v7\nSCHEMA_REGISTRY_USERNAME=clawback\nSCHEMA_REGISTRY_PASSWORD=registry-pw\n',
    );
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
