// Issue 14: the refund story over a SASL_SSL listener (SCRAM-SHA-512, a certificate from a CA
// made for the test) and a schema registry behind basic auth, as `infra:up -- --secure` runs
// them, with the ingress and the order lifecycle running as processes configured only through
// the environment; a wrong Kafka or registry password and an untrusted certificate stop each
// service at start-up with one line naming the variable to fix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AvroRegistry } from '@clawback/schema-registry';
import { twoCheckoutIpn, type TwoCheckoutIpnInput } from '@clawback/providers/testing';
import {
  type ChildService,
  createTestContext,
  freePorts,
  postNotification,
  type SecureBroker,
  type SecureRegistry,
  startChildService,
  startSecureBroker,
  startSecureRegistry,
  type TestContext,
  waitFor,
} from '@clawback/test-harness';
import { ensureSecureMaterial } from '../infra/src/kafka/secure-material';
import { eventRows } from './support/event-rows';
import { type MerchantsFile, writeMerchantsFile } from './support/merchants-file';
import { serviceEnv } from './support/service-env';
import { decodeLifecycleEvents, keyed } from './support/topic-readers';

const MERCHANT = 'e2e-secure';
const SECRET = 'e2e-secure-2checkout-key';
const INGRESS = 'services/ingress/src/main.ts';
const LIFECYCLE = 'services/order-lifecycle/src/main.ts';

const ipn = (refno: string, amount: string, extra: Partial<TwoCheckoutIpnInput>) =>
  twoCheckoutIpn(
    {
      refno,
      currency: 'USD',
      lines: [{ pid: '40898000', name: 'Pro plan (yearly)', qty: 1, price: amount }],
      ...extra,
    },
    { secretKey: SECRET, algorithm: 'all' },
  );

describe('over SASL_SSL and a registry behind basic auth, configured only through the environment', () => {
  let broker: SecureBroker;
  let registry: SecureRegistry;
  let context: TestContext;
  let merchants: MerchantsFile;
  let env: Record<string, string>;
  const children: ChildService[] = [];

  beforeAll(async () => {
    broker = await startSecureBroker();
    // Its schemas live in the suite's broker, through the PLAINTEXT listener as with infra:up.
    registry = await startSecureRegistry(broker.plaintextAddress);
    const secured = { ...broker.clientEnv(), ...registry.clientEnv() };
    // The suite's topics live on the secured broker; the test reads them through it too.
    context = await createTestContext({ env: { ...process.env, ...secured } });
    await context.redis();
    merchants = writeMerchantsFile({ [MERCHANT]: { '2checkout': { secretKey: SECRET } } });
    env = serviceEnv(context, merchants.path, secured) as Record<string, string>;
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop('SIGKILL')));
    merchants?.remove();
    await context?.dispose();
    await registry?.destroy();
    await broker?.destroy();
  });

  /** Starts `entryPoint` from source with the suite's environment plus `extra`. */
  const start = (entryPoint: string, extra: Record<string, string>): ChildService => {
    const child = startChildService(entryPoint, { ...env, ...extra });
    children.push(child);
    return child;
  };

  const readyz = (child: ChildService, port: number) => async () => {
    if (child.hasExited()) throw new Error(`exited early:\n${child.output()}`);
    return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok ?? false;
  };

  it('has a registry that refuses requests without the right credentials', async () => {
    const subjects = `${registry.url}/subjects`;
    const basic = (password: string) =>
      `Basic ${Buffer.from(`${registry.username}:${password}`).toString('base64')}`;
    expect((await fetch(subjects)).status).toBe(401);
    expect((await fetch(subjects, { headers: { Authorization: basic('wrong') } })).status).toBe(
      401,
    );
    const allowed = await fetch(subjects, {
      headers: { Authorization: basic(registry.password) },
    });
    expect(allowed.status).toBe(200);
  });

  it('carries a sale and a partial refund from HTTP to orders.lifecycle.events', async () => {
    const [ingressPort = 0, opsPort = 0] = await freePorts(2);
    const lifecycle = start(LIFECYCLE, { OBSERVABILITY_PORT: String(opsPort) });
    const ingress = start(INGRESS, { INGRESS_PORT: String(ingressPort) });
    await waitFor(readyz(lifecycle, opsPort), {
      timeoutMs: 120_000,
      description: 'lifecycle /readyz',
    });
    await waitFor(readyz(ingress, ingressPort), {
      timeoutMs: 120_000,
      description: 'ingress /readyz',
    });

    const url = `http://127.0.0.1:${ingressPort}`;
    const route = { provider: '2checkout', merchantId: MERCHANT } as const;
    const refno = '72000001';
    const sale = ipn(refno, '120.00', { status: 'COMPLETE', ipnDate: '20260301100000' });
    const refund = ipn(refno, '30.00', {
      status: 'REFUND',
      refundType: 'PARTIAL',
      ipnDate: '20260302100000',
    });
    expect((await postNotification(url, route, sale)).status).toBe(200);
    expect((await postNotification(url, route, refund)).status).toBe(200);

    const orderKey = `2checkout:${MERCHANT}:${refno}`;
    const topic = context.topics.lifecycleEvents;
    const records = await context.readAll(topic, {
      until: (read) => keyed(read, orderKey).length >= 2,
      timeoutMs: 120_000,
    });
    const registry = new AvroRegistry(context.config.schemaRegistry);
    expect(eventRows(await decodeLifecycleEvents(registry, keyed(records, orderKey)))).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 12000 },
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 3000,
        refundedTotal: 3000,
        remaining: 9000,
        kind: 'partial',
      },
    ]);
  });

  it.each([
    ['ingress', INGRESS],
    ['order-lifecycle', LIFECYCLE],
  ])(
    '%s exits 1 at start-up naming KAFKA_SASL_PASSWORD for a wrong password',
    async (name, entryPoint) => {
      const [port = 0] = await freePorts(1);
      const child = start(entryPoint, {
        KAFKA_SASL_PASSWORD: 'not-the-password',
        INGRESS_PORT: String(port),
        OBSERVABILITY_PORT: String(port),
      });
      expect(await child.exited).toBe(1);
      const output = child.output().trim();
      expect(output).toContain(
        `${name}: Kafka refused the connection: the brokers rejected the SASL scram-sha-512 credentials of user "clawback"; check KAFKA_SASL_PASSWORD and KAFKA_SASL_USERNAME`,
      );
      expect(output).not.toContain('not-the-password');
    },
  );

  it.each([
    ['ingress', INGRESS],
    ['order-lifecycle', LIFECYCLE],
  ])(
    '%s exits 1 at start-up naming SCHEMA_REGISTRY_PASSWORD for a wrong password',
    async (name, entryPoint) => {
      const [port = 0] = await freePorts(1);
      const child = start(entryPoint, {
        SCHEMA_REGISTRY_PASSWORD: 'not-the-registry-password',
        INGRESS_PORT: String(port),
        OBSERVABILITY_PORT: String(port),
      });
      expect(await child.exited).toBe(1);
      const output = child.output().trim();
      expect(output).toContain(
        `${name}: the schema registry refused the connection: the schema registry at ${registry.url} rejected the credentials of user "${registry.username}" (HTTP 401); check SCHEMA_REGISTRY_PASSWORD and SCHEMA_REGISTRY_USERNAME`,
      );
      expect(output).not.toContain('not-the-registry-password');
    },
  );

  it.each([
    ['ingress', INGRESS],
    ['order-lifecycle', LIFECYCLE],
  ])(
    '%s exits 1 at start-up naming KAFKA_SSL_CA_FILE when the certificate is not trusted',
    async (name, entryPoint) => {
      // A CA of its own: valid, but not the one that signed the broker's certificate.
      const dir = mkdtempSync(join(tmpdir(), 'clawback-other-ca-'));
      try {
        const other = ensureSecureMaterial(dir, ['127.0.0.1']);
        const [port = 0] = await freePorts(1);
        const child = start(entryPoint, {
          KAFKA_SSL_CA_FILE: other.caFile,
          INGRESS_PORT: String(port),
          OBSERVABILITY_PORT: String(port),
        });
        expect(await child.exited).toBe(1);
        expect(child.output().trim()).toContain(
          `${name}: Kafka refused the connection: the brokers' TLS certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN): KAFKA_SSL_CA_FILE (${other.caFile}) does not hold the CA that signed it`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
