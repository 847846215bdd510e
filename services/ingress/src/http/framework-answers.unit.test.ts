import { connect } from 'node:net';
import { createLogger } from '@clawback/logging';
import { parseMerchants } from '@clawback/merchants';
import { Registry } from 'prom-client';
import { DEFAULT_INGRESS_SETTINGS } from '../settings/ingress-settings';
import { MemoryDedupe, MemoryPublisher } from '../testing/memory-doubles';
import { buildIngress } from './build-ingress';
import type { ErrorBody } from './error-reply';
import type { IngressApp } from './ingress-app';

const PLANTED = 'planted-secret-4711';
let app: IngressApp;
let port: number;

beforeAll(async () => {
  app = buildIngress({
    config: DEFAULT_INGRESS_SETTINGS,
    merchants: parseMerchants({ m1: { click2sell: { secretKey: 'k' } } }, {}),
    publisher: new MemoryPublisher(),
    dedupe: new MemoryDedupe(),
    logger: createLogger({ service: 'ingress', level: 'silent' }),
    metrics: new Registry(),
    now: () => 0,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => app.close());

/** Sends `raw` bytes and collects everything the server answers until it hangs up. */
function exchange(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const cases: ReadonlyArray<readonly [string, string, number, string]> = [
  [
    'oversized headers',
    `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${PLANTED}${'a'.repeat(20_000)}\r\n\r\n`,
    431,
    'headers_too_large',
  ],
  ['broken framing', `GARBAGE ${PLANTED}\r\n\r\n`, 400, 'bad_request'],
  [
    'a URL that is not valid percent-encoding',
    `POST /v1/notifications/click2sell/%zz${PLANTED} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    400,
    'bad_request',
  ],
  [
    'a path segment over the limit',
    `POST /v1/notifications/click2sell/${PLANTED}${'m'.repeat(200)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    414,
    'url_too_long',
  ],
];

describe('ingress HTTP: answers from the framework and node', () => {
  it.each(cases)(
    'given %s, then it answers with our error shape and code, without echoing the input',
    async (_name, raw, status, code) => {
      const answer = await exchange(raw);

      const [head = '', body = ''] = answer.split('\r\n\r\n', 2);
      expect(head.split(' ')[1]).toBe(String(status));
      expect(head.toLowerCase()).toContain('content-type: application/json');
      const parsed = JSON.parse(body) as ErrorBody;
      expect(parsed).toEqual({ error: { code, message: expect.any(String) as string } });
      expect(answer).not.toContain(PLANTED);
    },
  );
});
