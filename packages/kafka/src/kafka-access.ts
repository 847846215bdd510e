import { ConfigError, type Env, type KafkaConfig, loadConfig } from '@clawback/config';
import { createKafkaClient } from './client';
import { KafkaError } from './kafka-error';

/** Node's codes for a TLS peer certificate that does not verify (node:tls, OpenSSL). */
const untrustedCertificateCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly originalError?: unknown;
}

/** The errors kafkajs nests (retries exceeded → cause → …), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  let current = error as ErrorLike | undefined;
  while (current && typeof current === 'object' && found.length < 6 && !found.includes(current)) {
    found.push(current);
    current = (current.cause ?? current.originalError) as ErrorLike | undefined;
  }
  return found;
}

/**
 * A {@link KafkaError} naming the variables to fix when `error` (from connecting with `config`)
 * is a security refusal no retry can cure: credentials the brokers reject, a mechanism they do
 * not offer, a certificate that does not verify. `undefined` for anything else (a broker that is
 * down is the services' ordinary, retried case). Never includes the password.
 */
export function kafkaAccessError(error: unknown, config: KafkaConfig): KafkaError | undefined {
  for (const link of chain(error)) {
    const message = typeof link.message === 'string' ? link.message : '';
    const code = typeof link.code === 'string' ? link.code : '';
    if (link.type === 'UNSUPPORTED_SASL_MECHANISM') {
      return new KafkaError(
        'kafka_authentication_failed',
        `the brokers do not offer SASL mechanism ${config.sasl?.mechanism ?? '(none)'}; check KAFKA_SASL_MECHANISM (${message})`,
        { retriable: false, cause: error },
      );
    }
    if (
      link.name === 'KafkaJSSASLAuthenticationError' ||
      link.type === 'SASL_AUTHENTICATION_FAILED'
    ) {
      return new KafkaError(
        'kafka_authentication_failed',
        `the brokers rejected the SASL ${config.sasl?.mechanism ?? ''} credentials of user "${config.sasl?.username ?? ''}"; check KAFKA_SASL_PASSWORD and KAFKA_SASL_USERNAME (${message})`,
        { retriable: false, cause: error },
      );
    }
    if (untrustedCertificateCodes.has(code)) {
      const ca = config.tls?.caFile;
      const hint = ca
        ? `KAFKA_SSL_CA_FILE (${ca}) does not hold the CA that signed it`
        : "KAFKA_SSL_CA_FILE is not set, so only the system's CAs are trusted";
      return new KafkaError(
        'kafka_tls_untrusted',
        `the brokers' TLS certificate is not trusted (${code}): ${hint} (${message})`,
        { retriable: false, cause: error },
      );
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return new KafkaError(
        'kafka_tls_untrusted',
        `the brokers' TLS certificate does not name the host in KAFKA_BROKERS (${message})`,
        { retriable: false, cause: error },
      );
    }
  }
  return undefined;
}

/**
 * Connects once (no retries) to find out whether the brokers accept this configuration's
 * credentials and trust. Throws the {@link kafkaAccessError} for a security refusal; resolves
 * otherwise, including when no broker answers (services ride out an outage by themselves).
 */
async function checkKafkaAccess(config: KafkaConfig, timeoutMs = 10_000): Promise<void> {
  const admin = createKafkaClient(config, { retries: 0, timeoutMs }).admin();
  try {
    await admin.connect();
  } catch (error) {
    const refused = kafkaAccessError(error, config);
    if (refused) throw refused;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * For a service's entry point, before it starts: when SASL or TLS is configured, checks access
 * with {@link checkKafkaAccess} and on a refusal prints one line naming the variables and exits
 * with 1, instead of a service that retries a wrong password forever. An invalid configuration
 * is left to the service's own loading, which reports it.
 */
export async function checkKafkaAccessOrExit(
  service: string,
  env: Env = process.env,
  writeError: (line: string) => void = (line) => process.stderr.write(line),
): Promise<void> {
  let config: KafkaConfig;
  try {
    config = loadConfig(['kafka'], env).kafka;
  } catch (error) {
    if (error instanceof ConfigError) return;
    throw error;
  }
  if (!config.sasl && !config.tls) return;
  try {
    await checkKafkaAccess(config);
  } catch (error) {
    if (!(error instanceof KafkaError)) throw error;
    writeError(`${service}: Kafka refused the connection: ${error.message}\n`);
    process.exit(1);
  }
}
