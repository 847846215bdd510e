import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type PropertyEntry, renderProperties } from '../config/properties-file';

/** The one user of a local registry behind basic auth (`infra:up -- --secure`). */
export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

const USERNAME = 'clawback';

/**
 * The registry user in `dir/registry-credentials.json` (mode 0600), made with a random password
 * on first use and reused afterwards, so a restarted registry and its clients keep agreeing.
 */
export function ensureRegistryCredentials(dir: string): RegistryCredentials {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'registry-credentials.json');
  if (!existsSync(file)) {
    const credentials = { username: USERNAME, password: randomBytes(18).toString('base64url') };
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RegistryCredentials;
}

/**
 * Quarkus settings that put Apicurio's APIs (`/apis/*`: ccompat and its own) behind HTTP basic
 * auth with one embedded user. Apicurio's own authentication (`apicurio.authn.*`) is OIDC only;
 * its build enables Quarkus' embedded users, and these runtime settings turn the basic
 * mechanism on (Quarkus warns that `quarkus.http.auth.basic` is build-time fixed, yet honours
 * it: without it every request gets 401) and require an authenticated user on every API path.
 */
export function registryAuthProperties(credentials: RegistryCredentials): readonly PropertyEntry[] {
  return [
    ['quarkus.http.auth.basic', true],
    ['quarkus.security.users.embedded.plain-text', true],
    [`quarkus.security.users.embedded.users.${credentials.username}`, credentials.password],
    ['quarkus.http.auth.permission.clawback-apis.paths', '/apis/*'],
    ['quarkus.http.auth.permission.clawback-apis.policy', 'authenticated'],
  ];
}

/**
 * Writes {@link registryAuthProperties} to `file` (mode 0600) for `-Dquarkus.config.locations`:
 * a password on the command line would show in every `ps`.
 */
export function writeRegistryAuthConfig(file: string, credentials: RegistryCredentials): void {
  writeFileSync(
    file,
    renderProperties(registryAuthProperties(credentials), [
      'Written by infra:up --secure: basic auth for the local registry.',
    ]),
    { mode: 0o600 },
  );
}
