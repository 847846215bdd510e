import { ConfigError, type Env, loadConfig, type SchemaRegistryConfig } from '@clawback/config';
import { basicAuthHeader } from './basic-auth';
import { SchemaRegistryError } from './schema-registry-error';

/**
 * A {@link SchemaRegistryError} naming the variables to fix when the registry answered `status`
 * to a request made with `config`: 401/403 are refusals no retry can cure. `undefined` for any
 * other status. Never includes the password.
 */
export function registryAccessError(
  status: number,
  config: SchemaRegistryConfig,
): SchemaRegistryError | undefined {
  if (status !== 401 && status !== 403) return undefined;
  const message = config.auth
    ? `the schema registry at ${config.url} rejected the credentials of user "${config.auth.username}" (HTTP ${status}); check SCHEMA_REGISTRY_PASSWORD and SCHEMA_REGISTRY_USERNAME`
    : `the schema registry at ${config.url} wants credentials (HTTP ${status}); set SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD`;
  return new SchemaRegistryError('registry_unauthorized', message, { retriable: false });
}

/**
 * Asks the registry once (`GET /subjects`, no retries) whether it accepts this configuration.
 * Throws the {@link registryAccessError} for a refusal; resolves otherwise, including when the
 * registry does not answer (services ride out an outage by themselves).
 */
async function checkRegistryAccess(config: SchemaRegistryConfig, timeoutMs: number): Promise<void> {
  let status: number;
  try {
    const response = await fetch(`${config.url}/subjects`, {
      headers: config.auth ? { Authorization: basicAuthHeader(config.auth) } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    status = response.status;
  } catch {
    return;
  }
  const refused = registryAccessError(status, config);
  if (refused) throw refused;
}

/**
 * For a service's entry point, before it starts: checks registry access with one request and on
 * a refusal prints one line naming the variables and exits with 1, instead of a service that
 * fails later (registering its schemas) with a message buried in its log. An invalid
 * configuration is left to the service's own loading, which reports it.
 */
export async function checkRegistryAccessOrExit(
  service: string,
  env: Env = process.env,
  writeError: (line: string) => void = (line) => process.stderr.write(line),
  timeoutMs = 5_000,
): Promise<void> {
  let config: SchemaRegistryConfig;
  try {
    config = loadConfig(['schemaRegistry'], env).schemaRegistry;
  } catch (error) {
    if (error instanceof ConfigError) return;
    throw error;
  }
  try {
    await checkRegistryAccess(config, timeoutMs);
  } catch (error) {
    if (!(error instanceof SchemaRegistryError)) throw error;
    writeError(`${service}: the schema registry refused the connection: ${error.message}\n`);
    process.exit(1);
  }
}
