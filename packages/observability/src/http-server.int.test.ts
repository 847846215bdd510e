import { createHealthHandlers } from './health-handlers';
import { type ObservabilityServer, startObservabilityServer } from './http-server';
import { createMetricsRegistry } from './metrics-registry';

describe('observability server (fastify on loopback)', () => {
  let server: ObservabilityServer;
  let ready = true;
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  beforeEach(async () => {
    const handlers = createHealthHandlers({
      registry: createMetricsRegistry({ service: 'worker' }),
      readiness: { kafka: () => Promise.resolve(ready) },
    });
    server = await startObservabilityServer({ handlers, port: 0, host: '127.0.0.1' });
  });

  afterEach(() => server.close());

  it('serves healthz, readyz and metrics', async () => {
    expect((await fetch(url('/healthz'))).status).toBe(200);
    ready = true;
    expect((await fetch(url('/readyz'))).status).toBe(200);
    ready = false;
    expect((await fetch(url('/readyz?verbose=1'))).status).toBe(503);
    const metrics = await fetch(url('/metrics'));
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain('nodejs_eventloop_lag_seconds{service="worker"}');
  });

  it('answers 404 for unknown paths and 405 for other methods', async () => {
    expect((await fetch(url('/nope'))).status).toBe(404);
    expect(await (await fetch(url('/nope'))).text()).toBe('not found\n');
    expect((await fetch(url('/healthz'), { method: 'POST' })).status).toBe(405);
    expect((await fetch(url('/metrics'), { method: 'DELETE' })).status).toBe(405);
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await fetch(url('/metrics'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await head.text()).toBe('');
  });
});

describe('observability server, failing handler', () => {
  it('answers 500 and tells onError', async () => {
    const failure = new Error('registry broke');
    const seen: unknown[] = [];
    const failing = () => Promise.reject(failure);
    const server = await startObservabilityServer({
      handlers: { healthz: failing, readyz: failing, metrics: failing },
      port: 0,
      host: '127.0.0.1',
      onError: (error) => seen.push(error),
    });
    try {
      const answer = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(answer.status).toBe(500);
      expect(await answer.text()).toBe('internal error\n');
      expect(seen).toEqual([failure]);
    } finally {
      await server.close();
    }
  });
});
