import * as path from 'node:path';
import type { Versions } from './versions';

/** Where `infra:up` keeps downloads, data, pid records and logs (all under the git-ignored cache). */
export interface InfraPaths {
  /** The repository's `infra/` folder (holds `pom.xml`). */
  readonly infraDir: string;
  readonly cacheDir: string;
  /** Broker classpath for one Kafka version. */
  readonly kafkaLibs: string;
  /** KRaft log and metadata directory; per Kafka version, since storage formats differ. */
  readonly kafkaData: string;
  /** Unpacked Apicurio Quarkus application for one version. */
  readonly apicurioHome: string;
  /** Rendered configuration files. */
  readonly configDir: string;
  /** One pid record per started process. */
  readonly runDir: string;
  readonly logsDir: string;
  /** Redis working directory (it persists nothing, but must not write into the repo). */
  readonly redisDir: string;
  /** CA, broker keystore and SCRAM credentials of the SASL_SSL listener (`--secure`). */
  readonly secureDir: string;
}

/** The cache layout for `versions`, rooted at `infraDir/.cache`. */
export function infraPaths(infraDir: string, versions: Versions): InfraPaths {
  const cacheDir = path.join(infraDir, '.cache');
  return {
    infraDir,
    cacheDir,
    kafkaLibs: path.join(cacheDir, 'kafka', `${versions.kafka}-scala${versions.kafkaScala}`),
    kafkaData: path.join(cacheDir, 'data', `kafka-${versions.kafka}`),
    apicurioHome: path.join(cacheDir, 'apicurio', versions.apicurio),
    configDir: path.join(cacheDir, 'config'),
    runDir: path.join(cacheDir, 'run'),
    logsDir: path.join(cacheDir, 'logs'),
    redisDir: path.join(cacheDir, 'data', 'redis'),
    secureDir: path.join(cacheDir, 'secure'),
  };
}
