import { createHealthHandlers } from './health-handlers';
import { type ObservabilityServer, startObservabilityServer } from './http-server';
import { createMetricsRegistry } from './metrics-registry';

describe('observability server (node:http on loopback)', () => {
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
    expect((await fetch(url('/healthz'), { method: 'POST' })).status).toBe(405);
  });
});
