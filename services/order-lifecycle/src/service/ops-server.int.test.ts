import { Registry } from 'prom-client';
import { createLifecycleMetrics } from '../metrics/lifecycle-metrics';
import { startOpsServer, type OpsServer } from './ops-server';

describe('ops server (loopback HTTP)', () => {
  let server: OpsServer | undefined;
  let ready = true;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async () => {
    const metrics = createLifecycleMetrics(new Registry());
    metrics.events.inc({ type: 'OrderPaid' }, 3);
    server = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      registry: metrics.registry,
      ready: () => Promise.resolve(ready),
    });
    return (path: string) => fetch(`http://127.0.0.1:${server!.port}${path}`);
  };

  it('given a running service, when probed, then /healthz, /readyz and /metrics answer', async () => {
    const get = await start();
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toContain('clawback_lifecycle_events_total{type="OrderPaid"} 3');
    expect(metrics).toContain('clawback_lifecycle_transaction_commit_seconds_bucket');
    expect((await get('/nope')).status).toBe(404);
  });

  it('given a dependency down, when /readyz is probed, then it answers 503', async () => {
    ready = false;
    const get = await start();
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);
  });
});
