/**
 * Every version the local infrastructure runs, in one place. Each can be overridden by an
 * environment variable, so trying Kafka 4.x is `CLAWBACK_KAFKA_VERSION=4.1.0 npm run infra:up`.
 */
export interface Versions {
  /** Apache Kafka broker (`org.apache.kafka:kafka_<scala>`). */
  readonly kafka: string;
  /** Scala binary version in the Kafka artifact name. */
  readonly kafkaScala: string;
  /** Apicurio Registry (`io.apicurio:apicurio-registry-app:<v>:tar.gz:all`). */
  readonly apicurio: string;
}

/** Defaults; see docs/infra.md for why these. */
export const DEFAULT_VERSIONS: Versions = {
  kafka: '3.9.1',
  kafkaScala: '2.13',
  apicurio: '3.3.3',
};

/** Versions from `env`, falling back to {@link DEFAULT_VERSIONS}. */
export function versionsFromEnv(env: NodeJS.ProcessEnv): Versions {
  return {
    kafka: env.CLAWBACK_KAFKA_VERSION || DEFAULT_VERSIONS.kafka,
    kafkaScala: env.CLAWBACK_KAFKA_SCALA_VERSION || DEFAULT_VERSIONS.kafkaScala,
    apicurio: env.CLAWBACK_APICURIO_VERSION || DEFAULT_VERSIONS.apicurio,
  };
}

/**
 * Compares dotted numeric versions ("3.2.1" < "3.10.0"); a non-numeric suffix such as
 * ".Final" is ignored.
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] =>
    v
      .split('.')
      .map((p) => Number.parseInt(p, 10))
      .filter((n) => Number.isInteger(n));
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Apicurio Registry needs Java 21 from 3.2.1 on (its classes are built for 21); 17 before. */
export function apicurioMinimumJava(apicurioVersion: string): number {
  return compareVersions(apicurioVersion, '3.2.1') >= 0 ? 21 : 17;
}

/** The Java the Kafka broker needs: 17 covers 3.x brokers and 4.x (which dropped 11). */
export function kafkaMinimumJava(_kafkaVersion: string): number {
  return 17;
}

/** The logging backend a runnable broker adds (kafka_2.13 declares it compile-only). */
export interface LoggingBackend {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** The system property that names its configuration file. */
  readonly configProperty: string;
}

/** Kafka 3.x logs through reload4j (log4j 1 API); Kafka 4.x moved to log4j2. */
export function kafkaLoggingBackend(kafkaVersion: string): LoggingBackend {
  return compareVersions(kafkaVersion, '4.0.0') >= 0
    ? {
        groupId: 'org.apache.logging.log4j',
        artifactId: 'log4j-slf4j-impl',
        version: '2.24.3',
        configProperty: 'log4j2.configurationFile',
      }
    : {
        groupId: 'org.slf4j',
        artifactId: 'slf4j-reload4j',
        version: '1.7.36',
        configProperty: 'log4j.configuration',
      };
}
