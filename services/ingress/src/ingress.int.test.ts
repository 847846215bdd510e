import { decodeOrderedForm, readReceiptHash, normalizeNotification } from '@clawback/providers';
import {
  click2sellNotification,
  kartraIpn,
  kartraOutboundJson,
  twoCheckoutIpn,
} from '@clawback/providers/testing';
import type { ProviderName } from '@clawback/notifications';
import type { AvroRegistry } from '@clawback/schema-registry';
import { createTestContext, waitFor, type TestContext } from '@clawback/test-harness';
import { publishedKey } from './dedupe/redis-edge-dedupe';
import type { RunningIngress } from './service/start-ingress';
import {
  decodeRaw,
  ingressEnv,
  postNotification,
  registerRawSchema,
  startTestIngress,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';

// The project-level testTimeout in jest.config.js is not applied under jest 30 projects.
jest.setTimeout(120_000);

describe('ingress against real Kafka, registry and Redis', () => {
  let context: TestContext;
  let registry: AvroRegistry;
  let merchants: ReturnType<typeof writeMerchantsFile>;
  let ingress: RunningIngress;

  beforeEach(async () => {
    context = await createTestContext({ topics: ['notificationsRaw'] });
    registry = await registerRawSchema(context);
    merchants = writeMerchantsFile();
    ingress = await startTestIngress(
      ingressEnv(context, merchants.path, { INGRESS_BODY_LIMIT_BYTES: '8192' }),
    );
    await waitFor(async () => (await fetch(`${ingress.url}/readyz`)).ok, {
      timeoutMs: 30_000,
      description: 'the ingress to be ready',
    });
  });

  afterEach(async () => {
    await ingress?.close();
    merchants?.remove();
    await context?.dispose();
  });

  it('publishes each provider’s signed notification once, byte for byte, and answers it', async () => {
    const tco = twoCheckoutIpn({ refno: '81001' }, { secretKey: TEST_SECRETS.twoCheckout });
    const kartraForm = kartraIpn({ transactionId: '82001' }, { secretKey: TEST_SECRETS.kartra });
    const kartraJson = kartraOutboundJson({ action: 'buy_product', transactionId: '82002' });
    const c2s = click2sellNotification(
      { c2sTransactionId: '83001' },
      { secretKey: TEST_SECRETS.click2sell },
    );
    const sends = [
      { path: '/v1/notifications/2checkout/m1', fixture: tco },
      { path: '/v1/notifications/kartra/m1', fixture: kartraForm },
      {
        path: `/v1/notifications/kartra/m1?token=${TEST_SECRETS.kartraToken}`,
        fixture: kartraJson,
      },
      { path: '/v1/notifications/click2sell/m1', fixture: c2s },
    ];

    const answers = [];
    for (const { path, fixture } of sends)
      answers.push(await postNotification(ingress.url, path, fixture));
    // The provider retries every one of them: answered again, published no more.
    const retries = [];
    for (const { path, fixture } of sends)
      retries.push(await postNotification(ingress.url, path, fixture));

    for (const answer of [...answers, ...retries]) expect(answer.status).toBe(200);
    const receipt = /^<sig algo="sha3-256" date="(\d{14})">([0-9a-f]{64})<\/sig>$/.exec(
      answers[0]!.body,
    );
    expect(receipt).not.toBeNull();
    expect(receipt![2]).toBe(
      readReceiptHash(
        decodeOrderedForm(tco.body),
        TEST_SECRETS.twoCheckout,
        'sha3-256',
        receipt![1]!,
      ),
    );
    expect(retries[0]!.body).toMatch(/^<sig algo="sha3-256" date="\d{14}">[0-9a-f]{64}<\/sig>$/);
    expect(answers.slice(1).map((a) => a.body)).toEqual(['OK', 'OK', 'OK']);

    const stored = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 30_000 });
    const records = await decodeRaw(
      registry,
      stored.map((r) => r.value),
    );
    const byKey = new Map(records.map((record) => [record.orderKey, record]));
    expect(records).toHaveLength(4);
    expect(stored.map((r) => r.key?.toString()).sort()).toEqual([
      '2checkout:m1:81001',
      'click2sell:m1:83001',
      'kartra:m1:82001',
      'kartra:m1:82002',
    ]);
    expect(byKey.get('2checkout:m1:81001')).toMatchObject({
      provider: '2checkout',
      merchantId: 'm1',
      contentType: tco.contentType,
      body: tco.body,
    });
    expect(byKey.get('kartra:m1:82002')!.body).toEqual(kartraJson.body);
    expect(byKey.get('click2sell:m1:83001')!.body).toEqual(c2s.body);
    const storedForm = byKey.get('kartra:m1:82001')!.body.toString('latin1');
    expect(storedForm).toBe(
      kartraForm.body
        .toString('latin1')
        .replace(`secret_key=${TEST_SECRETS.kartra}`, 'secret_key=redacted'),
    );
    expect(new Set(records.map((r) => r.ingressId)).size).toBe(4);

    const redis = await context.redis();
    const remembered = records.map((record) =>
      publishedKey(
        normalizeNotification({
          provider: record.provider as ProviderName,
          merchantId: record.merchantId,
          body: record.body,
          contentType: record.contentType,
          receivedAt: new Date(record.receivedAt).toISOString(),
        }).notificationId,
      ),
    );
    expect(await redis.exists(...remembered)).toBe(4);
    const metrics = await (await fetch(`${ingress.url}/metrics`)).text();
    expect(metrics).toMatch(
      /clawback_ingress_duplicates_suppressed_total\{provider="kartra",service="ingress"\} 2/,
    );
    expect(metrics).toMatch(
      /clawback_ingress_requests_total\{provider="2checkout",outcome="published",service="ingress"\} 1/,
    );
  });

  it('refuses bad signatures, unknown merchants and providers, malformed and oversized bodies, publishing nothing', async () => {
    const c2s = (secretKey: string) =>
      click2sellNotification({ c2sTransactionId: '84001' }, { secretKey });
    const refusals = [
      ['/v1/notifications/click2sell/m1', c2s('wrong-secret'), 401, 'invalid_signature'],
      [
        '/v1/notifications/kartra/m1?token=wrong',
        kartraOutboundJson({ action: 'buy_product', transactionId: '1' }),
        401,
        'invalid_signature',
      ],
      [
        '/v1/notifications/click2sell/nobody',
        c2s(TEST_SECRETS.click2sell),
        404,
        'unknown_merchant',
      ],
      ['/v1/notifications/paypal/m1', c2s(TEST_SECRETS.click2sell), 404, 'unknown_provider'],
      [
        '/v1/notifications/2checkout/m1',
        { body: Buffer.from('{"REFNO": 1}'), contentType: 'application/json' },
        400,
        'malformed_notification',
      ],
      [
        '/v1/notifications/click2sell/m1',
        click2sellNotification(
          { c2sTransactionId: '84002', extraFields: [['pad', 'x'.repeat(9000)]] },
          { secretKey: TEST_SECRETS.click2sell },
        ),
        413,
        'body_too_large',
      ],
    ] as const;

    for (const [path, fixture, status, code] of refusals) {
      const answer = await postNotification(ingress.url, path, fixture);
      expect([
        path,
        answer.status,
        (JSON.parse(answer.body) as { error: { code: string } }).error.code,
      ]).toEqual([path, status, code]);
    }
    // A valid notification after them: once it is on the topic, anything before it would be too.
    const sentinel = click2sellNotification(
      { c2sTransactionId: '84999' },
      { secretKey: TEST_SECRETS.click2sell },
    );
    expect(
      (await postNotification(ingress.url, '/v1/notifications/click2sell/m1', sentinel)).status,
    ).toBe(200);

    const stored = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 30_000 });
    expect(stored.map((r) => r.key?.toString())).toEqual(['click2sell:m1:84999']);
  });

  it('answers health checks and serves metrics', async () => {
    const health = await fetch(`${ingress.url}/healthz`);
    const metrics = await fetch(`${ingress.url}/metrics`);
    expect([health.status, metrics.status]).toEqual([200, 200]);
    expect(await metrics.text()).toContain('process_cpu_seconds_total');
  });
});
