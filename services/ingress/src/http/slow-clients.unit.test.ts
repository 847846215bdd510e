import { connect, type Socket } from 'node:net';
import { createLogger } from '@clawback/logging';
import { parseMerchants } from '@clawback/merchants';
import { Registry } from 'prom-client';
import { DEFAULT_INGRESS_SETTINGS, type IngressSettings } from '../settings/ingress-settings';
import { MemoryDedupe, MemoryPublisher } from '../testing/memory-doubles';
import { buildIngress } from './build-ingress';
import type { IngressApp } from './ingress-app';

const apps: IngressApp[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function listeningIngress(settings: Partial<IngressSettings>): Promise<number> {
  const app = buildIngress({
    config: { ...DEFAULT_INGRESS_SETTINGS, ...settings },
    merchants: parseMerchants({ m1: { click2sell: { secretKey: 'k' } } }, {}),
    publisher: new MemoryPublisher(),
    dedupe: new MemoryDedupe(),
    logger: createLogger({ service: 'ingress', level: 'silent' }),
    metrics: new Registry(),
    now: () => 0,
  });
  apps.push(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A socket that sends headers promising a body, then a few bytes of it, and stalls. */
async function slowBody(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  // Read what the server sends (its 408), or 'close' never fires.
  socket.resume();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    'POST /v1/notifications/click2sell/m1 HTTP/1.1\r\nHost: x\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\na=1',
  );
  return { socket, closed };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

describe('ingress HTTP: slow clients', () => {
  it('given slow-body sockets up to the per-source cap, when one more connects, then it is closed at once and the slow ones time out', async () => {
    const port = await listeningIngress({
      maxConnectionsPerSource: 3,
      headersTimeoutMs: 200,
      requestTimeoutMs: 400,
    });
    const slow = await Promise.all([slowBody(port), slowBody(port), slowBody(port)]);

    const extra = await slowBody(port);
    await within(extra.closed, 5_000, 'the socket over the cap closes');

    await within(Promise.all(slow.map((s) => s.closed)), 10_000, 'the slow sockets close');
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  }, 20_000);

  it('given a client that stalls mid-headers, when the header timeout passes, then its socket is closed', async () => {
    const port = await listeningIngress({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.resume();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /v1/notifications/click2sell/m1 HTTP/1.1\r\nHost: x\r\n');

    await within(closed, 10_000, 'the stalled socket closes');
  }, 20_000);
});
