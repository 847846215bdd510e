// An Apicurio Registry of a test's own behind basic auth, built from infra/'s pieces (the app
// comes from the shared infra cache) and storing into a test's broker, so the shared registry
// stays untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settingsFromEnv } from '../../../infra/src/config/settings';
import { apicurioComponent } from '../../../infra/src/registry/apicurio-component';
import { ensureRegistryCredentials } from '../../../infra/src/registry/registry-auth';
import { freePorts } from './free-port';
import { startThrowawayComponent } from './throwaway-component';

/** A running registry that answers its APIs only with basic auth. */
export interface SecureRegistry {
  /** Base URL of its Confluent API. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The variables a service reaches this registry with, as an operator would set them. */
  clientEnv(): Record<string, string>;
  /** Stops the registry and deletes its logs and credentials (its topics die with the broker). */
  destroy(): Promise<void>;
}

/**
 * Starts a {@link SecureRegistry} on free loopback ports, as `infra:up -- --secure` does, with
 * its kafkasql storage on `kafkaBootstrap` (a PLAINTEXT listener), and waits until it answers.
 */
export async function startSecureRegistry(kafkaBootstrap: string): Promise<SecureRegistry> {
  const [port = 0, managementPort = 0] = await freePorts(2);
  const url = `http://127.0.0.1:${port}/apis/ccompat/v7`;
  const dir = mkdtempSync(join(tmpdir(), 'clawback-secure-registry-'));
  const env = { ...process.env, KAFKA_BROKERS: kafkaBootstrap, SCHEMA_REGISTRY_URL: url };
  const shared = settingsFromEnv(env, resolve(__dirname, '../../../infra'), { secure: true });
  const settings = {
    ...shared,
    registryManagementPort: managementPort,
    apicurioHeap: '256m',
    paths: {
      ...shared.paths,
      runDir: join(dir, 'run'),
      logsDir: join(dir, 'logs'),
      secureDir: join(dir, 'secure'),
    },
  };
  const component = apicurioComponent(settings, env);
  const destroy = await startThrowawayComponent(component, dir, `the secure registry at ${url}`);
  const { username, password } = ensureRegistryCredentials(settings.paths.secureDir);
  return {
    url,
    username,
    password,
    clientEnv: () => ({
      SCHEMA_REGISTRY_URL: url,
      SCHEMA_REGISTRY_USERNAME: username,
      SCHEMA_REGISTRY_PASSWORD: password,
    }),
    destroy,
  };
}
