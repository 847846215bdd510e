/** What varies in how the local Apicurio Registry runs. */
export interface ApicurioLayout {
  readonly host: string;
  readonly port: number;
  /** Quarkus management interface (health, metrics); it would bind 0.0.0.0:9000 by default. */
  readonly managementPort: number;
  /** Kafka bootstrap servers for the kafkasql storage. */
  readonly kafkaBootstrap: string;
  readonly heap: string;
  /** Extra Quarkus settings read from this file (basic auth under `--secure`), if any. */
  readonly configFile?: string;
}

/**
 * JVM options for Apicurio Registry (Quarkus reads every setting as a system property).
 *
 * - kafkasql storage: schemas live in Kafka topics (created by Apicurio itself), so they survive
 *   a registry restart and ids stay stable, as with a real registry.
 * - Canonical hashing in the Confluent API: the same schema written differently (whitespace,
 *   field order of the JSON) gets the same id, as Confluent's registry does.
 * - Deletes enabled: tests and operators can delete subjects like on Confluent's registry; the
 *   default refuses them.
 */
export function apicurioJvmOptions(layout: ApicurioLayout): readonly string[] {
  return [
    `-Xmx${layout.heap}`,
    '-Xms64m',
    // Quarkus' advice for small heaps: the serial collector has the smallest footprint.
    '-XX:+UseSerialGC',
    // C1 only: a faster start on 2 cores; the registry is queried rarely (clients cache ids).
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dquarkus.http.host=${layout.host}`,
    `-Dquarkus.http.port=${layout.port}`,
    `-Dquarkus.management.host=${layout.host}`,
    `-Dquarkus.management.port=${layout.managementPort}`,
    '-Dapicurio.storage.kind=kafkasql',
    `-Dapicurio.kafkasql.bootstrap.servers=${layout.kafkaBootstrap}`,
    // Start-up reads the snapshots topic until a poll comes back empty: 5 s per poll by default.
    '-Dapicurio.kafkasql.consumer.poll.timeout=1000',
    '-Dapicurio.ccompat.use-canonical-hash=true',
    '-Dapicurio.rest.deletion.group.enabled=true',
    '-Dapicurio.rest.deletion.artifact.enabled=true',
    '-Dapicurio.rest.deletion.artifact-version.enabled=true',
    ...(layout.configFile ? [`-Dquarkus.config.locations=file:${layout.configFile}`] : []),
  ];
}
