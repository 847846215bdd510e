import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureRegistryCredentials,
  registryAuthProperties,
  writeRegistryAuthConfig,
} from './registry-auth';

describe('registry basic auth', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clawback-registry-auth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a random password once and reuses it, readable by its owner only', () => {
    const first = ensureRegistryCredentials(dir);
    expect(first.username).toBe('clawback');
    expect(first.password).toMatch(/^[\w-]{24}$/);
    expect(ensureRegistryCredentials(dir)).toEqual(first);
    expect(ensureRegistryCredentials(mkdtempSync(join(dir, 'other-'))).password).not.toBe(
      first.password,
    );
    expect(statSync(join(dir, 'registry-credentials.json')).mode & 0o077).toBe(0);
  });

  it('turns basic auth on and requires a user on every API path', () => {
    const properties = new Map(registryAuthProperties({ username: 'u', password: 'p' }));
    expect(properties.get('quarkus.http.auth.basic')).toBe(true);
    expect(properties.get('quarkus.security.users.embedded.users.u')).toBe('p');
    expect(properties.get('quarkus.http.auth.permission.clawback-apis.paths')).toBe('/apis/*');
    expect(properties.get('quarkus.http.auth.permission.clawback-apis.policy')).toBe(
      'authenticated',
    );
  });

  it('writes the settings to a file only its owner can read', () => {
    const file = join(dir, 'registry-auth.properties');
    writeRegistryAuthConfig(file, { username: 'u', password: 'p=1' });
    expect(readFileSync(file, 'utf8')).toContain('quarkus.security.users.embedded.users.u=p=1\n');
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
