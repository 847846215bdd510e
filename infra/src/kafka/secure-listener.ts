import type { PropertyEntry } from '../config/properties-file';
import type { SecureMaterial } from './secure-material';

/** The listener name (and security protocol) clients use on a secured broker. */
export const SECURE_LISTENER = 'SASL_SSL';

/**
 * Broker properties for a SASL_SSL listener beside the PLAINTEXT one: TLS with the keystore from
 * {@link SecureMaterial}, SCRAM-SHA-512 only, no client certificates. The PLAINTEXT listener
 * stays for the brokers' own traffic and for `infra:up`'s readiness probe, on loopback only.
 */
export function secureListenerProperties(material: SecureMaterial): readonly PropertyEntry[] {
  const prefix = `listener.name.${SECURE_LISTENER.toLowerCase()}`;
  return [
    ['sasl.enabled.mechanisms', 'SCRAM-SHA-512'],
    [`${prefix}.sasl.enabled.mechanisms`, 'SCRAM-SHA-512'],
    [
      `${prefix}.scram-sha-512.sasl.jaas.config`,
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    ],
    [`${prefix}.ssl.keystore.type`, 'PKCS12'],
    [`${prefix}.ssl.keystore.location`, material.keystoreFile],
    [`${prefix}.ssl.keystore.password`, material.keystorePassword],
    [`${prefix}.ssl.key.password`, material.keystorePassword],
    [`${prefix}.ssl.client.auth`, 'none'],
  ];
}

/**
 * `kafka-storage format` arguments that create the SCRAM user in the cluster metadata at format
 * time (KRaft; no broker needs to run yet).
 */
export function scramFormatArgs(material: SecureMaterial): readonly string[] {
  return ['--add-scram', `SCRAM-SHA-512=[name=${material.username},password=${material.password}]`];
}
