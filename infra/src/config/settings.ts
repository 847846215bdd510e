import * as path from 'node:path';
import { InfraError } from '../infra-error';
import { type Addresses, addressesFromEnv, urlPort } from './addresses';
import { type InfraPaths, infraPaths } from './paths';
import { type Versions, versionsFromEnv } from './versions';

/** Everything one `infra` command needs to know, read once from the environment. */
export interface InfraSettings {
  readonly versions: Versions;
  readonly addresses: Addresses;
  readonly paths: InfraPaths;
  /** KRaft controller listener; clients never use it. Defaults to the broker port + 1. */
  readonly kafkaControllerPort: number;
  /** Apicurio's management interface (health, metrics). Defaults to the registry port + 1. */
  readonly registryManagementPort: number;
  /** `-Xmx` of the broker and of the registry: modest, for a 2-core CI box. */
  readonly kafkaHeap: string;
  readonly apicurioHeap: string;
  /** How long to wait for a started process to answer. */
  readonly startTimeoutMs: number;
  /** How long a process gets after SIGTERM before SIGKILL. */
  readonly stopTimeoutMs: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value > 0))
    throw new InfraError('invalid_config', `${name}="${text}": expected a positive integer`);
  return value;
}

/** Reads {@link InfraSettings}; `infraDir` is the repository's `infra/` folder. */
export function settingsFromEnv(env: NodeJS.ProcessEnv, infraDir: string): InfraSettings {
  const versions = versionsFromEnv(env);
  const addresses = addressesFromEnv(env);
  const brokerPort = addresses.kafkaBrokers[0]?.port ?? 19092;
  return {
    versions,
    addresses,
    paths: infraPaths(path.resolve(infraDir), versions),
    kafkaControllerPort: positiveInt(env, 'CLAWBACK_KAFKA_CONTROLLER_PORT', brokerPort + 1),
    registryManagementPort: positiveInt(
      env,
      'CLAWBACK_APICURIO_MANAGEMENT_PORT',
      urlPort(addresses.schemaRegistryUrl) + 1,
    ),
    kafkaHeap: env.CLAWBACK_KAFKA_HEAP || '512m',
    apicurioHeap: env.CLAWBACK_APICURIO_HEAP || '384m',
    startTimeoutMs: positiveInt(env, 'CLAWBACK_INFRA_START_TIMEOUT_MS', 180_000),
    stopTimeoutMs: positiveInt(env, 'CLAWBACK_INFRA_STOP_TIMEOUT_MS', 30_000),
  };
}
