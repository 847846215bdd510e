import { loadConfig } from '@clawback/config';
import { kafkaAccessError } from './kafka-access';

const config = loadConfig(['kafka'], {
  KAFKA_BROKERS: '127.0.0.1:19094',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'clawback',
  KAFKA_SASL_PASSWORD: 'the-secret',
  KAFKA_SSL: 'true',
  KAFKA_SSL_CA_FILE: '/etc/clawback/ca.pem',
}).kafka;

/** kafkajs's shape: a retries-exceeded error around the real one. */
const wrapped = (inner: object) => ({
  name: 'KafkaJSNumberOfRetriesExceeded',
  message: 'retries exceeded',
  cause: inner,
});

describe('kafkaAccessError', () => {
  it('names the SASL variables for rejected credentials, never the password', () => {
    const error = kafkaAccessError(
      {
        name: 'KafkaJSSASLAuthenticationError',
        message: 'SASL SCRAM SHA512 authentication failed',
      },
      config,
    );
    expect(error?.code).toBe('kafka_authentication_failed');
    expect(error?.retriable).toBe(false);
    expect(error?.message).toBe(
      'the brokers rejected the SASL scram-sha-512 credentials of user "clawback"; check KAFKA_SASL_PASSWORD and KAFKA_SASL_USERNAME (SASL SCRAM SHA512 authentication failed)',
    );
    expect(error?.message).not.toContain('the-secret');
  });

  it('names KAFKA_SASL_MECHANISM when the brokers do not offer it', () => {
    expect(
      kafkaAccessError({ type: 'UNSUPPORTED_SASL_MECHANISM', message: 'nope' }, config)?.message,
    ).toContain('check KAFKA_SASL_MECHANISM');
  });

  it('names KAFKA_SSL_CA_FILE for a certificate that does not verify, inside retry wrappers', () => {
    const error = kafkaAccessError(
      wrapped({
        name: 'KafkaJSConnectionError',
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
        message: 'Connection error: self-signed certificate in certificate chain',
      }),
      config,
    );
    expect(error?.code).toBe('kafka_tls_untrusted');
    expect(error?.message).toBe(
      "the brokers' TLS certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN): KAFKA_SSL_CA_FILE (/etc/clawback/ca.pem) does not hold the CA that signed it (Connection error: self-signed certificate in certificate chain)",
    );
  });

  it('says the system CAs were used when KAFKA_SSL_CA_FILE is unset', () => {
    const { tls: _tls, ...rest } = config;
    const error = kafkaAccessError(
      { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'x' },
      { ...rest, tls: { rejectUnauthorized: true } },
    );
    expect(error?.message).toContain(
      "KAFKA_SSL_CA_FILE is not set, so only the system's CAs are trusted",
    );
  });

  it('names KAFKA_BROKERS when the certificate is for another host', () => {
    expect(
      kafkaAccessError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: 'x' }, config)?.message,
    ).toContain('does not name the host in KAFKA_BROKERS');
  });

  it('leaves an unreachable broker to the services (undefined)', () => {
    expect(
      kafkaAccessError(
        wrapped({ name: 'KafkaJSConnectionError', code: 'ECONNREFUSED', message: 'refused' }),
        config,
      ),
    ).toBeUndefined();
  });
});
