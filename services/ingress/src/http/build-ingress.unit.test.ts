import { createLogger } from '@clawback/logging';
import { parseMerchants } from '@clawback/merchants';
import { decodeOrderedForm, readReceiptHash } from '@clawback/providers';
import {
  click2sellNotification,
  kartraIpn,
  kartraOutboundJson,
  twoCheckoutIpn,
} from '@clawback/providers/testing';
import { Registry } from 'prom-client';
import { DEFAULT_INGRESS_SETTINGS } from '../settings/ingress-settings';
import { MemoryDedupe, MemoryPublisher } from '../testing/memory-doubles';
import { buildIngress } from './build-ingress';
import type { ErrorBody } from './error-reply';

const SECRETS = {
  tco: 'tco-secret-0001',
  kartra: 'kartra-secret-0002',
  token: 'url-token-0003',
  c2s: 'c2s-secret-0004',
};
const NOW = Date.UTC(2026, 0, 31, 12, 0, 5);

const merchants = parseMerchants(
  {
    m1: {
      '2checkout': { secretKey: SECRETS.tco },
      kartra: { secretKey: SECRETS.kartra, urlToken: SECRETS.token },
      click2sell: { secretKey: SECRETS.c2s, allowChecksumOnly: true },
    },
    m2: { click2sell: { secretKey: 'other', allowChecksumOnly: true } },
  },
  {},
);

function setup(settings: Partial<typeof DEFAULT_INGRESS_SETTINGS> = {}) {
  const publisher = new MemoryPublisher();
  const dedupe = new MemoryDedupe();
  const registry = new Registry();
  const logLines: string[] = [];
  const logger = createLogger({
    service: 'ingress',
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  let ids = 0;
  const app = buildIngress({
    config: { ...DEFAULT_INGRESS_SETTINGS, publishTimeoutMs: 200, ...settings },
    merchants,
    publisher,
    dedupe,
    logger,
    metrics: registry,
    now: () => NOW,
    newIngressId: () => `ingress-${++ids}`,
  });
  apps.push(app);
  return { app, publisher, dedupe, registry, logLines };
}

// Loopback HTTP rather than app.inject: light-my-request loads an ESM-only dependency that
// jest's CommonJS runtime cannot require.
const apps: ReturnType<typeof buildIngress>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

interface Answer {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Headers;
  json(): ErrorBody;
}

async function request(
  app: ReturnType<typeof buildIngress>,
  method: 'GET' | 'POST',
  url: string,
  fixture?: { body: Buffer; contentType: string },
): Promise<Answer> {
  const base = await app.listen({ host: '127.0.0.1', port: 0 }).catch(() => undefined);
  const address = app.server.address();
  const origin =
    base ?? `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const response = await fetch(`${origin}${url}`, {
    method,
    ...(fixture && { body: fixture.body, headers: { 'content-type': fixture.contentType } }),
  });
  const body = await response.text();
  return {
    statusCode: response.status,
    body,
    headers: response.headers,
    json: () => JSON.parse(body) as ErrorBody,
  };
}

function post(
  app: ReturnType<typeof buildIngress>,
  url: string,
  fixture: { body: Buffer; contentType: string },
): Promise<Answer> {
  return request(app, 'POST', url, fixture);
}

describe('ingress HTTP: accepted notifications', () => {
  it('publishes a signed 2Checkout IPN byte for byte and answers the signed read receipt', async () => {
    const { app, publisher } = setup();
    const ipn = twoCheckoutIpn({ refno: '4711' }, { secretKey: SECRETS.tco });

    const response = await post(app, '/v1/notifications/2checkout/m1', ipn);

    expect(response.statusCode).toBe(200);
    const hash = readReceiptHash(
      decodeOrderedForm(ipn.body),
      SECRETS.tco,
      'sha3-256',
      '20260131120005',
    );
    expect(response.body).toBe(`<sig algo="sha3-256" date="20260131120005">${hash}</sig>`);
    expect(publisher.records).toEqual([
      {
        ingressId: 'ingress-1',
        provider: '2checkout',
        merchantId: 'm1',
        orderKey: '2checkout:m1:4711',
        receivedAt: NOW,
        contentType: ipn.contentType,
        body: ipn.body,
      },
    ]);
  });

  it('publishes Kartra IPN (secret echo redacted), Kartra JSON (with ?token=) and Click2Sell', async () => {
    const { app, publisher } = setup();
    const ipn = kartraIpn({ transactionId: '9001' }, { secretKey: SECRETS.kartra });
    const json = kartraOutboundJson({ action: 'buy_product', transactionId: '9002' });
    const c2s = click2sellNotification({ c2sTransactionId: '777' }, { secretKey: SECRETS.c2s });

    const answers = [
      await post(app, '/v1/notifications/kartra/m1', ipn),
      await post(app, `/v1/notifications/kartra/m1?token=${SECRETS.token}`, json),
      await post(app, '/v1/notifications/click2sell/m1', c2s),
    ];

    expect(answers.map((a) => [a.statusCode, a.body])).toEqual([
      [200, 'OK'],
      [200, 'OK'],
      [200, 'OK'],
    ]);
    expect(publisher.records.map((r) => r.orderKey)).toEqual([
      'kartra:m1:9001',
      'kartra:m1:9002',
      'click2sell:m1:777',
    ]);
    expect(publisher.records[0]!.body.toString()).not.toContain(SECRETS.kartra);
    expect(publisher.records[0]!.body.toString()).toContain('secret_key=redacted');
    expect(publisher.records[1]!.body).toEqual(json.body);
    expect(publisher.records[2]!.body).toEqual(c2s.body);
  });
});

describe('ingress HTTP: refusals publish nothing', () => {
  const c2s = () => click2sellNotification({ c2sTransactionId: '1' }, { secretKey: SECRETS.c2s });

  it.each([
    ['bad signature', '/v1/notifications/click2sell/m2', 401, 'invalid_signature'],
    ['unknown merchant', '/v1/notifications/click2sell/nobody', 404, 'unknown_merchant'],
    ['provider not configured', '/v1/notifications/2checkout/m2', 404, 'unknown_merchant'],
    ['unknown provider', '/v1/notifications/paypal/m1', 404, 'unknown_provider'],
    ['Kartra JSON without token', '/v1/notifications/kartra/m1', 401, 'invalid_signature'],
  ])('%s → %i %s', async (_case, url, status, code) => {
    const { app, publisher } = setup();
    const fixture = url.includes('kartra')
      ? kartraOutboundJson({ action: 'buy_product', transactionId: '5' })
      : c2s();

    const response = await post(app, url, fixture);

    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(publisher.records).toEqual([]);
  });

  it('answers 400 for a malformed body', async () => {
    const { app, publisher } = setup();

    const response = await post(app, '/v1/notifications/2checkout/m1', {
      body: Buffer.from('{"not":"a form"}'),
      contentType: 'application/json',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_notification');
    expect(publisher.records).toEqual([]);
  });

  it('answers 400 malformed_notification for a 2Checkout form that cannot be read unambiguously, publishing nothing', async () => {
    const { app, publisher } = setup();

    const response = await post(app, '/v1/notifications/2checkout/m1', {
      // A scalar field sent twice: which value was signed is ambiguous, so it is never read.
      body: Buffer.from('REFNO=1&REFNO=2&IPN_DATE=99991231235959&HASH=00'),
      contentType: 'application/x-www-form-urlencoded',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_notification');
    expect(publisher.records).toEqual([]);
  });

  it('still publishes an authentic notification whose date it cannot read (the lifecycle dead-letters it)', async () => {
    const { app, publisher } = setup();
    const fixture = click2sellNotification(
      { c2sTransactionId: '779', purchaseDate: 'someday' },
      { secretKey: SECRETS.c2s },
    );

    const response = await post(app, '/v1/notifications/click2sell/m1', fixture);

    expect(response.statusCode).toBe(200);
    expect(publisher.records).toHaveLength(1);
  });

  it('given a body that is not JSON, when it is refused, then the log carries the code but no fragment of the body', async () => {
    const { app, logLines } = setup();

    const response = await post(app, `/v1/notifications/kartra/m1?token=${SECRETS.token}`, {
      // JSON.parse's message quotes the text around the error: here the buyer's name.
      body: Buffer.from('{"lead":{"first_name":Quixwright}}'),
      contentType: 'application/json',
    });

    expect(response.statusCode).toBe(400);
    const refusal = logLines.find((line) => line.includes('notification refused'));
    expect(refusal).toContain('malformed_notification');
    expect(logLines.join('\n')).not.toContain('Quixwright');
  });

  it('answers 413 with a JSON error for a body over the limit', async () => {
    const { app, publisher } = setup({ bodyLimitBytes: 2048 });
    const big = click2sellNotification(
      { c2sTransactionId: '1', extraFields: [['padding', 'x'.repeat(4096)]] },
      { secretKey: SECRETS.c2s },
    );

    const response = await post(app, '/v1/notifications/click2sell/m1', big);

    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('body_too_large');
    expect(publisher.records).toEqual([]);
  });

  it('answers 503 with Retry-After when Kafka does not acknowledge in time', async () => {
    const { app, publisher, registry } = setup();
    publisher.mode = 'stall';

    const response = await post(app, '/v1/notifications/click2sell/m1', c2s());

    expect(response.statusCode).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.json().error.code).toBe('kafka_unavailable');
    expect(await registry.getSingleMetricAsString('clawback_ingress_requests_total')).toContain(
      'provider="click2sell",outcome="kafka_unavailable"} 1',
    );
  });
});

describe('ingress HTTP: edge dedupe', () => {
  it('answers a retried notification correctly without publishing it again', async () => {
    const { app, publisher, registry } = setup();
    const ipn = twoCheckoutIpn({ refno: '4712' }, { secretKey: SECRETS.tco });

    const first = await post(app, '/v1/notifications/2checkout/m1', ipn);
    const retry = await post(app, '/v1/notifications/2checkout/m1', ipn);

    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(retry.body).toBe(first.body);
    expect(publisher.records).toHaveLength(1);
    expect(
      await registry.getSingleMetricAsString('clawback_ingress_duplicates_suppressed_total'),
    ).toContain('provider="2checkout"} 1');
  });

  it('publishes anyway when the dedupe store fails, and counts the failure', async () => {
    const { app, publisher, dedupe, registry } = setup();
    dedupe.failing = true;
    const fixture = click2sellNotification({ c2sTransactionId: '9' }, { secretKey: SECRETS.c2s });

    const responses = [
      await post(app, '/v1/notifications/click2sell/m1', fixture),
      await post(app, '/v1/notifications/click2sell/m1', fixture),
    ];

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(publisher.records).toHaveLength(2);
    expect(
      await registry.getSingleMetricAsString('clawback_ingress_dedupe_errors_total'),
    ).toContain('operation="seen"} 2');
  });
});

describe('ingress HTTP: operations', () => {
  it('serves health, readiness and metrics, and 404s unknown routes with a code', async () => {
    const { app, publisher } = setup();

    expect((await request(app, 'GET', '/healthz')).statusCode).toBe(200);
    expect((await request(app, 'GET', '/readyz')).statusCode).toBe(200);
    publisher.mode = 'stall';
    expect((await request(app, 'GET', '/readyz')).statusCode).toBe(503);
    const metrics = await request(app, 'GET', '/metrics');
    expect(metrics.body).toContain('clawback_ingress_publish_duration_seconds');
    const missing = await request(app, 'GET', '/nope');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'route_not_found']);
  });

  it('logs neither secrets nor personal data', async () => {
    const { app, logLines } = setup();
    await post(
      app,
      `/v1/notifications/kartra/m1?token=${SECRETS.token}`,
      kartraOutboundJson({ action: 'buy_product', transactionId: '1' }),
    );
    await post(
      app,
      '/v1/notifications/kartra/m1',
      kartraIpn({ transactionId: '2' }, { secretKey: 'wrong' }),
    );
    await post(
      app,
      '/v1/notifications/2checkout/m1',
      twoCheckoutIpn({ refno: '3' }, { secretKey: SECRETS.tco }),
    );

    const logs = logLines.join('');
    expect(logs).toContain('notification published');
    for (const secret of [
      ...Object.values(SECRETS),
      'wrong',
      'ana@example.com',
      'zoe@example.com',
      'Müller',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('lets a request in flight finish when closing, and closes after it', async () => {
    const { app, publisher } = setup();
    publisher.mode = 'hold';
    const fixture = click2sellNotification({ c2sTransactionId: '1' }, { secretKey: SECRETS.c2s });

    const inFlight = post(app, '/v1/notifications/click2sell/m1', fixture);
    await waitUntil(() => publisher.records.length === 1);
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await waitUntil(() => !app.server.listening);
    expect(closed).toBe(false);
    publisher.release();

    expect((await inFlight).statusCode).toBe(200);
    await closing;
    expect(closed).toBe(true);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('ingress HTTP: an implausible provider time is accepted (ADR 0020)', () => {
  it.each([
    [
      'a signed 2Checkout IPN dated 9999-12-31 23:59:59',
      '/v1/notifications/2checkout/m1',
      () =>
        twoCheckoutIpn({ refno: '4714', ipnDate: '99991231235959' }, { secretKey: SECRETS.tco }),
    ],
    [
      'a signed 2Checkout IPN dated two days after its receipt',
      '/v1/notifications/2checkout/m1',
      () =>
        twoCheckoutIpn({ refno: '4713', ipnDate: '20260202120006' }, { secretKey: SECRETS.tco }),
    ],
    [
      'a signed 2Checkout IPN dated 1970-01-01',
      '/v1/notifications/2checkout/m1',
      () =>
        twoCheckoutIpn({ refno: '4715', ipnDate: '19700101000000' }, { secretKey: SECRETS.tco }),
    ],
    [
      'a Kartra IPN dated 9999-12-31 19:00 Eastern (year 10000 in UTC)',
      '/v1/notifications/kartra/m1',
      () =>
        kartraIpn(
          { transactionId: '9003', date: '9999-12-31 19:00:00' },
          { secretKey: SECRETS.kartra },
        ),
    ],
    [
      'a Click2Sell notification dated 9999-12-31',
      '/v1/notifications/click2sell/m1',
      () =>
        click2sellNotification(
          { c2sTransactionId: '778', purchaseDate: '9999-12-31' },
          { secretKey: SECRETS.c2s },
        ),
    ],
  ])('given %s, then 200 and the raw body is published as sent', async (_, url, body) => {
    const { app, publisher, registry } = setup();
    const fixture = body();

    const response = await post(app, url, fixture);

    expect(response.statusCode).toBe(200);
    expect(publisher.records).toHaveLength(1);
    expect(publisher.records[0]!.body.toString()).toContain(
      url.includes('kartra') ? '9999-12-31' : fixture.body.toString().slice(0, 40),
    );
    expect(await registry.getSingleMetricAsString('clawback_ingress_requests_total')).not.toContain(
      'implausible_provider_time',
    );
  });

  it('given the same IPN dated 9999 sent twice, then the second is a duplicate at the edge (its id does not depend on the date being plausible)', async () => {
    const { app, publisher } = setup();
    const fixture = twoCheckoutIpn(
      { refno: '4716', ipnDate: '99991231235959' },
      { secretKey: SECRETS.tco },
    );

    expect((await post(app, '/v1/notifications/2checkout/m1', fixture)).statusCode).toBe(200);
    expect((await post(app, '/v1/notifications/2checkout/m1', fixture)).statusCode).toBe(200);

    expect(publisher.records).toHaveLength(1);
  });
});
