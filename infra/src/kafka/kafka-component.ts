import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Component, Progress } from '../component';
import { isLoopbackHost } from '../config/addresses';
import { renderProperties } from '../config/properties-file';
import type { InfraSettings } from '../config/settings';
import { kafkaLoggingBackend, kafkaMinimumJava } from '../config/versions';
import { InfraError } from '../infra-error';
import { findJava, javaBinary } from '../java/java-discovery';
import { runMaven } from '../maven/run-maven';
import { runToExit } from '../process/run-to-exit';
import { kafkaServesMetadata } from '../probe/kafka-probe';
import { tcpReachable } from '../probe/tcp-probe';
import { brokerLoggingConfig, loggingConfigOption } from './logging-config';
import { brokerProperties } from './server-properties';

const COMPLETE = '.complete';

/** The local single-node KRaft broker (or, for a non-loopback KAFKA_BROKERS, a reachability check). */
export function kafkaComponent(settings: InfraSettings, env: NodeJS.ProcessEnv): Component {
  const { versions, paths, addresses } = settings;
  const brokers = addresses.kafkaBrokers;
  const first = brokers[0] ?? { host: '127.0.0.1', port: 19092 };
  const logging = kafkaLoggingBackend(versions.kafka);
  const serverFile = path.join(paths.configDir, 'kafka-server.properties');
  const loggingFile = path.join(paths.configDir, 'kafka-logging.properties');
  const local = brokers.every((b) => isLoopbackHost(b.host));
  const java = (): string => javaBinary(findJava(env, kafkaMinimumJava(versions.kafka), 'Kafka'));

  function writeConfig(): void {
    mkdirSync(paths.configDir, { recursive: true });
    const layout = {
      host: first.host,
      brokerPort: first.port,
      controllerPort: settings.kafkaControllerPort,
      dataDir: paths.kafkaData,
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
    progress(`kafka: formatting KRaft storage in ${paths.kafkaData}`);
    // A Kafka cluster id is 16 random bytes in URL-safe base64, what `random-uuid` prints.
    const clusterId = randomBytes(16).toString('base64url');
    const logFile = path.join(paths.logsDir, 'kafka-format.log');
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
      ],
      logFile,
    );
    if (exitCode !== 0) {
      throw new InfraError('format_failed', `kafka: formatting storage failed (exit ${exitCode})`, {
        logFile,
      });
    }
  }

  return {
    name: 'kafka',
    address: brokers.map((b) => `${b.host}:${b.port}`).join(','),
    local,
    // A remote cluster may need SASL/TLS the probe does not have: reachability is all we check.
    probe: () => (local ? kafkaServesMetadata(brokers) : tcpReachable(first.host, first.port)),
    async prepare(progress) {
      java();
      await fetchJars(progress);
      writeConfig();
      await formatStorage(progress);
    },
    startCommand() {
      return {
        component: 'kafka',
        command: java(),
        args: [
          `-Xmx${settings.kafkaHeap}`,
          '-Xms128m',
          // Kafka's own start script uses these GC settings.
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:InitiatingHeapOccupancyPercent=35',
          '-Djava.awt.headless=true',
          '-Dclawback.infra=kafka',
          `-Dkafka.logs.dir=${paths.logsDir}`,
          loggingConfigOption(logging, loggingFile),
          '-cp',
          path.join(paths.kafkaLibs, '*'),
          'kafka.Kafka',
          serverFile,
        ],
        marker: '-Dclawback.infra=kafka',
        address: `${first.host}:${first.port}`,
        logFile: path.join(paths.logsDir, 'kafka.log'),
        cwd: paths.cacheDir,
      };
    },
  };
}
