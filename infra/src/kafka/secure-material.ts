import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { InfraError } from '../infra-error';

/** The files and credentials behind a local SASL_SSL listener (all under the git-ignored cache). */
export interface SecureMaterial {
  /** PEM of the local CA: what clients trust (`KAFKA_SSL_CA_FILE`). */
  readonly caFile: string;
  /** PKCS#12 keystore with the broker's key and its certificate chain (signed by the CA). */
  readonly keystoreFile: string;
  readonly keystorePassword: string;
  /** The SCRAM-SHA-512 user the broker is formatted with. */
  readonly username: string;
  readonly password: string;
}

const USERNAME = 'clawback';

function openssl(dir: string, args: readonly string[]): void {
  const run = spawnSync('openssl', [...args], { cwd: dir, encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new InfraError(
      'start_failed',
      `openssl ${args[0] ?? ''} failed (${run.error?.message ?? `exit ${String(run.status)}`}): ${run.stderr}`,
      { cause: run.error },
    );
  }
}

/**
 * A CA, and a broker certificate it signs for `hosts` (subject alternative names: IPs or DNS
 * names), made with `openssl` once per `dir`; the broker key and chain go into a PKCS#12
 * keystore, which Java reads without `keytool`. Everything is generated on this machine and
 * never committed; deleting `dir` makes new ones (restart the broker and clients then).
 */
function ensureCertificates(dir: string, hosts: readonly string[], storePassword: string): void {
  if (existsSync(path.join(dir, 'broker.p12'))) return;
  const san = hosts
    .map((host) => (/^[\d.]+$|:/.test(host) ? `IP:${host}` : `DNS:${host}`))
    .join(',');
  writeFileSync(
    path.join(dir, 'broker-ext.cnf'),
    `subjectAltName=${san}\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  // A 2048-bit RSA key takes well under a second; the CA lives ten years, the broker's 825 days.
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '3650',
    '-subj',
    '/CN=Clawback local CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'broker.key',
    '-out',
    'broker.csr',
    '-subj',
    `/CN=${hosts[0] ?? 'localhost'}`,
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'broker.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'broker.pem',
    '-days',
    '825',
    '-extfile',
    'broker-ext.cnf',
  ]);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-in',
    'broker.pem',
    '-inkey',
    'broker.key',
    '-certfile',
    'ca.pem',
    '-name',
    'broker',
    '-out',
    'broker.p12.tmp',
    '-passout',
    `pass:${storePassword}`,
  ]);
  // Renamed last: broker.p12's presence means the set is complete.
  writeFileSync(path.join(dir, 'broker.p12'), readFileSync(path.join(dir, 'broker.p12.tmp')));
  rmSync(path.join(dir, 'broker.p12.tmp'));
}

/**
 * The CA, broker keystore and SCRAM credentials in `dir`, made on first use (random passwords,
 * kept in `credentials.json`, mode 0600) and reused afterwards, so a restarted broker and its
 * clients keep agreeing.
 */
export function ensureSecureMaterial(dir: string, hosts: readonly string[]): SecureMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const credentialsFile = path.join(dir, 'credentials.json');
  if (!existsSync(credentialsFile)) {
    const secrets = {
      keystorePassword: randomBytes(18).toString('base64url'),
      password: randomBytes(18).toString('base64url'),
    };
    writeFileSync(credentialsFile, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  const secrets = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
    keystorePassword: string;
    password: string;
  };
  ensureCertificates(dir, hosts, secrets.keystorePassword);
  return {
    caFile: path.join(dir, 'ca.pem'),
    keystoreFile: path.join(dir, 'broker.p12'),
    keystorePassword: secrets.keystorePassword,
    username: USERNAME,
    password: secrets.password,
  };
}

/** The local registry behind basic auth, for {@link writeClientEnv}. */
export interface SecuredRegistry {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Writes `dir/client.env`: the `KAFKA_*` settings a service needs to reach the SASL_SSL
 * listeners at `brokers` (and the `SCHEMA_REGISTRY_*` ones for a local registry behind basic
 * auth), ready for `set -a; . infra/.cache/secure/client.env; set +a`.
 */
export function writeClientEnv(
  dir: string,
  material: SecureMaterial,
  brokers: readonly string[],
  registry?: SecuredRegistry,
): string {
  const file = path.join(dir, 'client.env');
  writeFileSync(
    file,
    [
      `KAFKA_BROKERS=${brokers.join(',')}`,
      'KAFKA_SASL_MECHANISM=scram-sha-512',
      `KAFKA_SASL_USERNAME=${material.username}`,
      `KAFKA_SASL_PASSWORD=${material.password}`,
      'KAFKA_SSL=true',
      `KAFKA_SSL_CA_FILE=${material.caFile}`,
      ...(registry
        ? [
            `SCHEMA_REGISTRY_URL=${registry.url}`,
            `SCHEMA_REGISTRY_USERNAME=${registry.username}`,
            `SCHEMA_REGISTRY_PASSWORD=${registry.password}`,
          ]
        : []),
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}
