// A single-node KRaft broker of a test's own with a SASL_SSL listener, built from infra/'s
// pieces (the jars come from the shared infra cache), so the shared broker stays untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settingsFromEnv } from '../../../infra/src/config/settings';
import { kafkaComponent } from '../../../infra/src/kafka/kafka-component';
import { ensureSecureMaterial } from '../../../infra/src/kafka/secure-material';
import { freePorts } from './free-port';
import { startThrowawayComponent } from './throwaway-component';

/** A running broker with a SASL_SSL listener (SCRAM-SHA-512 user, certificate from its own CA). */
export interface SecureBroker {
  /** `127.0.0.1:<port>` of the SASL_SSL listener. */
  readonly secureAddress: string;
  /** `127.0.0.1:<port>` of the PLAINTEXT listener (loopback; for checks that bypass security). */
  readonly plaintextAddress: string;
  /** PEM of the CA that signed the broker's certificate. */
  readonly caFile: string;
  readonly username: string;
  readonly password: string;
  /** The variables a service reaches this broker with, as an operator would set them. */
  clientEnv(): Record<string, string>;
  /** Stops the broker and deletes its data, certificates and credentials. */
  destroy(): Promise<void>;
}

/** Starts a {@link SecureBroker} on free loopback ports and waits until it answers. */
export async function startSecureBroker(): Promise<SecureBroker> {
  const [brokerPort = 0, controllerPort = 0, securePort = 0] = await freePorts(3);
  const plaintextAddress = `127.0.0.1:${brokerPort}`;
  const dir = mkdtempSync(join(tmpdir(), 'clawback-secure-broker-'));
  const env = { ...process.env, KAFKA_BROKERS: plaintextAddress };
  const shared = settingsFromEnv(env, resolve(__dirname, '../../../infra'), { secure: true });
  const settings = {
    ...shared,
    kafkaControllerPort: controllerPort,
    kafkaSecurePort: securePort,
    kafkaHeap: '256m',
    paths: {
      ...shared.paths,
      kafkaData: join(dir, 'data'),
      configDir: join(dir, 'config'),
      runDir: join(dir, 'run'),
      logsDir: join(dir, 'logs'),
      secureDir: join(dir, 'secure'),
    },
  };
  const material = ensureSecureMaterial(settings.paths.secureDir, ['127.0.0.1', 'localhost']);
  const component = kafkaComponent(settings, env);
  const destroy = await startThrowawayComponent(
    component,
    dir,
    `the secure broker at ${plaintextAddress}`,
  );
  const secureAddress = `127.0.0.1:${securePort}`;
  return {
    secureAddress,
    plaintextAddress,
    caFile: material.caFile,
    username: material.username,
    password: material.password,
    clientEnv: () => ({
      KAFKA_BROKERS: secureAddress,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: material.username,
      KAFKA_SASL_PASSWORD: material.password,
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: material.caFile,
    }),
    destroy,
  };
}
