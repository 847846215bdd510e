import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Component, Progress } from '../component';
import { isLoopbackHost, urlHost } from '../config/addresses';
import { renderProperties } from '../config/properties-file';
import type { KafkaNode } from '../config/kafka-nodes';
import type { InfraSettings } from '../config/settings';
import { kafkaLoggingBackend, kafkaMinimumJava } from '../config/versions';
import { InfraError } from '../infra-error';
import { findJava, javaBinary } from '../java/java-discovery';
import { runMaven } from '../maven/run-maven';
import { readLogTail } from '../process/log-tail';
import { runToExit } from '../process/run-to-exit';
import { kafkaServesMetadata } from '../probe/kafka-probe';
import { tcpReachable } from '../probe/tcp-probe';
import { brokerLoggingConfig, loggingConfigOption } from './logging-config';
import { scramFormatArgs } from './secure-listener';
import { ensureSecureMaterial, type SecureMaterial, writeClientEnv } from './secure-material';
import { brokerProperties } from './server-properties';
import { ensureRegistryCredentials } from '../registry/registry-auth';

const COMPLETE = '.complete';

/**
 * The local KRaft nodes, one component each (`kafka` alone, `kafka-1`… in a cluster, started
 * together since a quorum needs a majority before any node answers), or, for a non-loopback
 * KAFKA_BROKERS, one reachability check.
 */
export function kafkaComponents(
  settings: InfraSettings,
  env: NodeJS.ProcessEnv,
): readonly Component[] {
  const nodes = settings.kafkaNodes;
  const cluster = nodes.length > 1;
  const voters = nodes.map((n) => `${n.id}@${n.host}:${n.controllerPort}`).join(',');
  // Every node must be formatted with the same cluster id; derived from the layout, so a node
  // formatted later (its data deleted) still joins.
  const clusterId = cluster
    ? createHash('sha256')
        .update(`clawback:${voters}`)
        .digest()
        .subarray(0, 16)
        .toString('base64url')
    : undefined;
  if (!cluster) return [kafkaComponent(settings, env)];
  return nodes.map((node) => kafkaComponent1(settings, env, node, { voters, clusterId, cluster }));
}

/** The single local node (what {@link kafkaComponents} gives without `--brokers`). */
export function kafkaComponent(settings: InfraSettings, env: NodeJS.ProcessEnv): Component {
  const first = settings.kafkaNodes[0] ?? {
    id: 1,
    host: '127.0.0.1',
    port: 19092,
    controllerPort: settings.kafkaControllerPort,
  };
  const voters = `1@${first.host}:${settings.kafkaControllerPort}`;
  return kafkaComponent1(settings, env, first, { voters, clusterId: undefined, cluster: false });
}

interface ClusterShape {
  readonly voters: string;
  readonly clusterId: string | undefined;
  readonly cluster: boolean;
}

/** One node of `shape`. */
function kafkaComponent1(
  settings: InfraSettings,
  env: NodeJS.ProcessEnv,
  node: KafkaNode,
  shape: ClusterShape,
): Component {
  const { versions, addresses } = settings;
  const name = shape.cluster ? `kafka-${node.id}` : 'kafka';
  // A secured broker gets its own data folder: its SCRAM user is written when it is formatted.
  const dataSuffix = settings.kafkaSecure ? '-secure' : '';
  const paths = {
    ...settings.paths,
    kafkaData: shape.cluster
      ? `${settings.paths.kafkaData}-node${node.id}-${node.port}${dataSuffix}`
      : `${settings.paths.kafkaData}${dataSuffix}`,
  };
  const securePort = shape.cluster ? node.port + 2 : settings.kafkaSecurePort;
  let material: SecureMaterial | undefined;
  const secureMaterial = (): SecureMaterial =>
    (material ??= ensureSecureMaterial(settings.paths.secureDir, [node.host, 'localhost']));
  const brokers = shape.cluster ? [{ host: node.host, port: node.port }] : addresses.kafkaBrokers;
  const first = { host: node.host, port: node.port };
  const logging = kafkaLoggingBackend(versions.kafka);
  const serverFile = path.join(paths.configDir, `${name}-server.properties`);
  const loggingFile = path.join(paths.configDir, `${name}-logging.properties`);
  const local = addresses.kafkaBrokers.every((b) => isLoopbackHost(b.host));
  const java = (): string => javaBinary(findJava(env, kafkaMinimumJava(versions.kafka), 'Kafka'));

  function writeConfig(): void {
    mkdirSync(paths.configDir, { recursive: true });
    const layout = {
      host: first.host,
      brokerPort: first.port,
      // A single node follows the settings' controller port (a test may move it).
      controllerPort: shape.cluster ? node.controllerPort : settings.kafkaControllerPort,
      dataDir: paths.kafkaData,
      nodeId: node.id,
      quorumVoters: shape.voters,
      clusterSize: shape.cluster ? settings.kafkaNodes.length : 1,
      ...(settings.kafkaSecure && {
        secure: { port: securePort, material: secureMaterial() },
      }),
    };
    writeFileSync(
      serverFile,
      renderProperties(brokerProperties(layout), [
        `Written by infra:up for Kafka ${versions.kafka}.`,
      ]),
    );
    writeFileSync(loggingFile, brokerLoggingConfig(logging));
  }

  async function fetchJars(progress: Progress): Promise<void> {
    if (existsSync(path.join(paths.kafkaLibs, COMPLETE))) return;
    progress(`kafka: downloading Kafka ${versions.kafka} jars with Maven into ${paths.kafkaLibs}`);
    rmSync(paths.kafkaLibs, { recursive: true, force: true });
    await runMaven(
      path.join(paths.infraDir, 'pom.xml'),
      [
        '-q',
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${paths.kafkaLibs}`,
        `-Dkafka.version=${versions.kafka}`,
        `-Dkafka.scala.version=${versions.kafkaScala}`,
        `-Dkafka.logging.groupId=${logging.groupId}`,
        `-Dkafka.logging.artifactId=${logging.artifactId}`,
        `-Dkafka.logging.version=${logging.version}`,
      ],
      path.join(paths.logsDir, 'mvn-kafka.log'),
    );
    writeFileSync(path.join(paths.kafkaLibs, COMPLETE), `${new Date().toISOString()}\n`);
  }

  async function formatStorage(progress: Progress): Promise<void> {
    if (existsSync(path.join(paths.kafkaData, 'meta.properties'))) return;
    progress(`${name}: formatting KRaft storage in ${paths.kafkaData}`);
    const clusterId = shape.clusterId ?? randomClusterId();
    const logFile = path.join(paths.logsDir, `${name}-format.log`);
    const exitCode = await runToExit(
      java(),
      [
        '-Xmx256m',
        '-cp',
        path.join(paths.kafkaLibs, '*'),
        loggingConfigOption(logging, loggingFile),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        serverFile,
        '--ignore-formatted',
        ...(settings.kafkaSecure ? scramFormatArgs(secureMaterial()) : []),
      ],
      logFile,
    );
    if (exitCode !== 0) {
      // The tail goes into the message: a CI log shows the message, never the log file.
      const tail = readLogTail(logFile, 15);
      throw new InfraError(
        'format_failed',
        `${name}: formatting storage failed (exit ${exitCode}); ${logFile} ends with:\n${tail}`,
        { logFile },
      );
    }
  }

  return {
    name,
    group: 'kafka',
    address: brokers.map((b) => `${b.host}:${b.port}`).join(','),
    local,
    // A remote cluster may need SASL/TLS the probe does not have: reachability is all we check.
    probe: () => (local ? kafkaServesMetadata(brokers) : tcpReachable(first.host, first.port)),
    async prepare(progress) {
      java();
      await fetchJars(progress);
      writeConfig();
      await formatStorage(progress);
      if (settings.kafkaSecure) {
        const secureBrokers = settings.kafkaNodes.map(
          (n) => `${n.host}:${shape.cluster ? n.port + 2 : settings.kafkaSecurePort}`,
        );
        const registryUrl = addresses.schemaRegistryUrl;
        // A local registry is started behind basic auth in this mode (registry/registry-auth).
        const registry = isLoopbackHost(urlHost(registryUrl))
          ? {
              url: registryUrl.href.replace(/\/$/, ''),
              ...ensureRegistryCredentials(settings.paths.secureDir),
            }
          : undefined;
        const file = writeClientEnv(
          settings.paths.secureDir,
          secureMaterial(),
          secureBrokers,
          registry,
        );
        progress(
          `${name}: SASL_SSL (SCRAM-SHA-512, user ${secureMaterial().username}) on ${node.host}:${securePort}; client settings in ${file}`,
        );
      }
    },
    startCommand() {
      return {
        component: name,
        command: java(),
        args: [
          `-Xmx${settings.kafkaHeap}`,
          '-Xms128m',
          // Kafka's own start script uses these GC settings.
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:InitiatingHeapOccupancyPercent=35',
          '-Djava.awt.headless=true',
          `-Dclawback.infra=${name}`,
          `-Dkafka.logs.dir=${paths.logsDir}`,
          loggingConfigOption(logging, loggingFile),
          '-cp',
          path.join(paths.kafkaLibs, '*'),
          'kafka.Kafka',
          serverFile,
        ],
        marker: `-Dclawback.infra=${name}`,
        address: `${first.host}:${first.port}`,
        logFile: path.join(paths.logsDir, `${name}.log`),
        cwd: paths.cacheDir,
      };
    },
  };
}

/**
 * A Kafka cluster id: 16 random bytes in URL-safe base64, what `random-uuid` prints. Like Kafka's
 * own `Uuid.randomUuid()` it never starts with `-`: StorageTool's argument parser would read such
 * an id as an option and refuse to format (1 start in 64 failed this way).
 */
export function randomClusterId(random: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = random().toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
