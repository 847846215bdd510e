import * as path from 'node:path';
import { InfraError } from '../infra-error';
import { type Addresses, addressesFromEnv, urlPort } from './addresses';
import { type KafkaNode, defaultClusterBrokers, kafkaNodes } from './kafka-nodes';
import { type InfraPaths, infraPaths } from './paths';
import { type Versions, versionsFromEnv } from './versions';

/** Everything one `infra` command needs to know, read once from the environment. */
export interface InfraSettings {
  readonly versions: Versions;
  readonly addresses: Addresses;
  readonly paths: InfraPaths;
  /** KRaft controller listener; clients never use it. Defaults to the broker port + 1. */
  readonly kafkaControllerPort: number;
  /** The local Kafka nodes: one by default, three for `--brokers 3` (a replicated cluster). */
  readonly kafkaNodes: readonly KafkaNode[];
  /** Apicurio's management interface (health, metrics). Defaults to the registry port + 1. */
  readonly registryManagementPort: number;
  /** `-Xmx` of the broker and of the registry: modest, for a 2-core CI box. */
  readonly kafkaHeap: string;
  readonly apicurioHeap: string;
  /** How long to wait for a started process to answer. */
  readonly startTimeoutMs: number;
  /** How long a process gets after SIGTERM before SIGKILL. */
  readonly stopTimeoutMs: number;
  /**
   * Also open a SASL_SSL listener (`--secure`, `CLAWBACK_KAFKA_SECURE=1`) on
   * {@link kafkaSecurePort} (a cluster's nodes: each one's port + 2), with its own data folder.
   */
  readonly kafkaSecure: boolean;
  /** The single node's SASL_SSL port: `CLAWBACK_KAFKA_SECURE_PORT`, default broker port + 2. */
  readonly kafkaSecurePort: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value > 0))
    throw new InfraError('invalid_config', `${name}="${text}": expected a positive integer`);
  return value;
}

/** What the command line may say instead of the environment. */
export interface SettingsOverrides {
  /** Local Kafka nodes (`--brokers N`); wins over `CLAWBACK_KAFKA_NODES`. */
  readonly brokers?: number;
  /** `--secure`; wins over `CLAWBACK_KAFKA_SECURE`. */
  readonly secure?: boolean;
}

/** Most local nodes the scripts start: a quorum of 3 or 5 is what anyone runs. */
const MAX_KAFKA_NODES = 5;

function nodeCount(env: NodeJS.ProcessEnv, overrides: SettingsOverrides): number {
  const count = overrides.brokers ?? positiveInt(env, 'CLAWBACK_KAFKA_NODES', 1);
  if (!Number.isInteger(count) || count < 1 || count > MAX_KAFKA_NODES) {
    throw new InfraError(
      'invalid_config',
      `--brokers / CLAWBACK_KAFKA_NODES=${count}: expected 1 to ${MAX_KAFKA_NODES} nodes`,
    );
  }
  return count;
}

/** Reads {@link InfraSettings}; `infraDir` is the repository's `infra/` folder. */
export function settingsFromEnv(
  env: NodeJS.ProcessEnv,
  infraDir: string,
  overrides: SettingsOverrides = {},
): InfraSettings {
  const versions = versionsFromEnv(env);
  const count = nodeCount(env, overrides);
  // A cluster without KAFKA_BROKERS gets its own ports, so it never meets the single broker.
  const addresses = addressesFromEnv(
    count > 1 && !env.KAFKA_BROKERS ? { ...env, KAFKA_BROKERS: defaultClusterBrokers(count) } : env,
  );
  const brokerPort = addresses.kafkaBrokers[0]?.port ?? 19092;
  const kafkaControllerPort = positiveInt(env, 'CLAWBACK_KAFKA_CONTROLLER_PORT', brokerPort + 1);
  // One local node for the whole list (the historical single-broker setup) unless more are asked.
  const nodeBrokers = count === 1 ? addresses.kafkaBrokers.slice(0, 1) : addresses.kafkaBrokers;
  return {
    versions,
    addresses,
    paths: infraPaths(path.resolve(infraDir), versions),
    kafkaControllerPort,
    kafkaNodes: kafkaNodes(nodeBrokers, count, kafkaControllerPort),
    registryManagementPort: positiveInt(
      env,
      'CLAWBACK_APICURIO_MANAGEMENT_PORT',
      urlPort(addresses.schemaRegistryUrl) + 1,
    ),
    kafkaHeap: env.CLAWBACK_KAFKA_HEAP || '512m',
    apicurioHeap: env.CLAWBACK_APICURIO_HEAP || '384m',
    startTimeoutMs: positiveInt(env, 'CLAWBACK_INFRA_START_TIMEOUT_MS', 180_000),
    stopTimeoutMs: positiveInt(env, 'CLAWBACK_INFRA_STOP_TIMEOUT_MS', 30_000),
    kafkaSecure: overrides.secure ?? ['1', 'true'].includes(env.CLAWBACK_KAFKA_SECURE ?? ''),
    kafkaSecurePort: positiveInt(env, 'CLAWBACK_KAFKA_SECURE_PORT', brokerPort + 2),
  };
}
