import { createLogger } from '@clawback/logging';
import { parseMerchants } from '@clawback/merchants';
import { click2sellNotification, kartraIpn, twoCheckoutIpn } from '@clawback/providers/testing';
import { Registry } from 'prom-client';
import { STATUS_OF, type IngressErrorCode } from '../errors/ingress-error';
import { DEFAULT_INGRESS_SETTINGS } from '../settings/ingress-settings';
import { MemoryDedupe, MemoryPublisher } from '../testing/memory-doubles';
import { buildIngress } from './build-ingress';
import type { IngressApp } from './ingress-app';

// The hostile-input table: each request is malformed, forged, absurd or abusive. Whatever it
// is, the ingress answers a 4xx in the documented shape with a stable code, publishes nothing,
// never echoes or logs the planted marker (a stand-in for a buyer's name or a secret), and
// still answers a genuine notification afterwards. Framing, slow and many-socket cases that
// need raw sockets live in framework-answers and slow-clients tests beside this one.

const PLANTED = 'Planted-Quixwright-4711';
const SECRETS = { tco: 'tco-secret-0001', kartra: 'kartra-secret-0002', token: 'url-token-0003' };
const C2S = { secret: 'c2s-secret-0004', token: 'c2s-url-token-0005' };
const NOW = Date.UTC(2026, 0, 31, 12, 0, 5);

const merchants = parseMerchants(
  {
    m1: {
      '2checkout': { secretKey: SECRETS.tco },
      kartra: { secretKey: SECRETS.kartra, urlToken: SECRETS.token },
      click2sell: { secretKey: C2S.secret, urlToken: C2S.token },
    },
  },
  {},
);

let app: IngressApp;
let origin: string;
let publisher: MemoryPublisher;
const logLines: string[] = [];

beforeAll(async () => {
  publisher = new MemoryPublisher();
  let ids = 0;
  app = buildIngress({
    config: { ...DEFAULT_INGRESS_SETTINGS, bodyLimitBytes: 64 * 1024, publishTimeoutMs: 500 },
    merchants,
    publisher,
    dedupe: new MemoryDedupe(),
    logger: createLogger({
      service: 'ingress',
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(line) },
    }),
    metrics: new Registry(),
    now: () => NOW,
    newIngressId: () => `ingress-${++ids}`,
  });
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());

interface Hostile {
  readonly url: string;
  readonly body: Buffer | string;
  readonly contentType?: string;
  /** The exact code when it is a contract; otherwise any documented 4xx code. */
  readonly code?: IngressErrorCode;
}

const form = 'application/x-www-form-urlencoded';
const tco = '/v1/notifications/2checkout/m1';
const kartraJson = `/v1/notifications/kartra/m1?token=${SECRETS.token}`;
const c2s = `/v1/notifications/click2sell/m1?token=${C2S.token}`;
const signedIpn = () => twoCheckoutIpn({ refno: '5001' }, { secretKey: SECRETS.tco });
const deep = '['.repeat(10_000) + ']'.repeat(10_000);

const cases: ReadonlyArray<readonly [string, Hostile]> = [
  ['an empty body', { url: tco, body: '', contentType: form }],
  ['a form with no fields', { url: tco, body: '&&&=&', contentType: form }],
  [
    'a 2Checkout IPN without its signatures',
    {
      url: tco,
      body: `REFNO=1&IPN_PID[]=${PLANTED}`,
      contentType: form,
      code: 'invalid_signature',
    },
  ],
  [
    'a signed 2Checkout IPN with one byte changed',
    {
      url: tco,
      body: signedIpn().body.toString().replace('REFNO=5001', 'REFNO=5002'),
      contentType: form,
      code: 'invalid_signature',
    },
  ],
  [
    'a 2Checkout IPN signed with another secret',
    {
      url: tco,
      body: twoCheckoutIpn({ refno: '5003' }, { secretKey: 'not-the-secret' }).body,
      contentType: form,
      code: 'invalid_signature',
    },
  ],
  [
    'a 2Checkout IPN with a blanked SHA3 signature',
    {
      url: tco,
      body: signedIpn()
        .body.toString()
        .replace(/SIGNATURE_SHA3_256=[^&]*/, 'SIGNATURE_SHA3_256='),
      contentType: form,
    },
  ],
  [
    'duplicate form keys fighting over REFNO',
    {
      url: tco,
      body: `${signedIpn().body.toString()}&REFNO=${PLANTED}`,
      contentType: form,
    },
  ],
  [
    'invalid percent-encoding in a form',
    { url: tco, body: `REFNO=%zz${PLANTED}`, contentType: form },
  ],
  [
    'NUL bytes and non-UTF-8 bytes',
    {
      url: tco,
      body: Buffer.concat([
        Buffer.from('REFNO=1\u0000&X='),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(PLANTED),
      ]),
      contentType: form,
    },
  ],
  [
    'invalid JSON quoting a buyer (Kartra, valid token)',
    {
      url: kartraJson,
      body: `{"lead":{"first_name":${PLANTED}}}`,
      contentType: 'application/json',
    },
  ],
  ['deeply nested JSON', { url: kartraJson, body: deep, contentType: 'application/json' }],
  [
    'JSON with a number beyond any safe integer',
    {
      url: kartraJson,
      body: `{"action":"buy_product","transaction_full_amount":1e400,"lead":{"first_name":"${PLANTED}"}}`,
      contentType: 'application/json',
    },
  ],
  [
    'Kartra JSON without the URL token',
    {
      url: '/v1/notifications/kartra/m1',
      body: `{"lead":{"first_name":"${PLANTED}"}}`,
      contentType: 'application/json',
    },
  ],
  [
    'a Kartra IPN with a forged secret echo',
    {
      url: '/v1/notifications/kartra/m1',
      body: kartraIpn({ transactionId: '9001' }, { secretKey: 'forged' }).body,
      contentType: form,
    },
  ],
  [
    'a Click2Sell notification without the URL token',
    {
      url: '/v1/notifications/click2sell/m1',
      body: click2sellNotification({ c2sTransactionId: '7001' }, { secretKey: C2S.secret }).body,
      contentType: form,
      code: 'invalid_signature',
    },
  ],
  [
    'a Click2Sell notification without its acquirer id',
    {
      url: c2s,
      body: click2sellNotification({ c2sTransactionId: '7002' }, { secretKey: C2S.secret })
        .body.toString()
        .replace(/acquirer_transaction_id=[^&]*&?/, ''),
      contentType: form,
    },
  ],
  [
    'a body over the limit',
    { url: tco, body: 'A='.padEnd(70 * 1024, 'x'), contentType: form, code: 'body_too_large' },
  ],
  [
    'a content type nobody sends',
    { url: tco, body: PLANTED, contentType: 'application/x-planted' },
  ],
  [
    'an unknown provider',
    { url: `/v1/notifications/${PLANTED}/m1`, body: 'a=1', contentType: form },
  ],
  [
    'an unknown merchant',
    {
      url: `/v1/notifications/2checkout/${PLANTED}`,
      body: signedIpn().body,
      contentType: form,
      code: 'unknown_merchant',
    },
  ],
  [
    'a path nobody serves',
    { url: `/v2/${PLANTED}`, body: 'a=1', contentType: form, code: 'route_not_found' },
  ],
];

describe('ingress HTTP: hostile input', () => {
  it.each(cases)(
    'given %s, then a documented 4xx, nothing published, nothing echoed',
    async (_, hostile) => {
      const published = publisher.records.length;
      const response = await fetch(`${origin}${hostile.url}`, {
        method: 'POST',
        body: hostile.body,
        headers: { 'content-type': hostile.contentType ?? form },
      });
      const text = await response.text();

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const { error } = JSON.parse(text) as { error: { code: IngressErrorCode; message: string } };
      expect(STATUS_OF[error.code]).toBe(response.status);
      if (hostile.code !== undefined) expect(error.code).toBe(hostile.code);
      expect(typeof error.message).toBe('string');
      expect(text).not.toContain(PLANTED);
      expect(publisher.records).toHaveLength(published);
    },
  );

  it('then logged no planted marker, and still answers a genuine notification with 200', async () => {
    const genuine = twoCheckoutIpn({ refno: '5999' }, { secretKey: SECRETS.tco });
    const response = await fetch(`${origin}${tco}`, {
      method: 'POST',
      body: genuine.body,
      headers: { 'content-type': genuine.contentType },
    });

    expect(response.status).toBe(200);
    expect(publisher.records.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(PLANTED);
  });
});
