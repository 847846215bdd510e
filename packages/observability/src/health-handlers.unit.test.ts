import { Counter } from 'prom-client';
import { createHealthHandlers } from './health-handlers';
import { createMetricsRegistry } from './metrics-registry';

const registry = createMetricsRegistry({ service: 'order-lifecycle' });

describe('health handlers', () => {
  it('answers healthz while the process is up', async () => {
    expect(await createHealthHandlers({ registry }).healthz()).toMatchObject({ status: 200 });
  });

  it('is ready when every check passes', async () => {
    const handlers = createHealthHandlers({
      registry,
      readiness: { kafka: () => Promise.resolve(true), redis: () => Promise.resolve(true) },
    });
    const answer = await handlers.readyz();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      status: 'ready',
      checks: { kafka: true, redis: true },
    });
  });

  it('stays ready with a degradable dependency down, naming it degraded', async () => {
    const handlers = createHealthHandlers({
      registry,
      readiness: { kafka: () => Promise.resolve(true) },
      degradable: { redis: () => Promise.reject(new Error('ECONNREFUSED')) },
    });
    const answer = await handlers.readyz();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      status: 'ready',
      checks: { kafka: true, redis: 'degraded' },
    });
  });

  it('answers 503 naming the failed, throwing or hanging checks', async () => {
    const handlers = createHealthHandlers({
      registry,
      checkTimeoutMs: 20,
      readiness: {
        kafka: () => Promise.resolve(false),
        redis: () => Promise.reject(new Error('down')),
        registry: () => new Promise<boolean>(() => undefined),
        clock: () => Promise.resolve(true),
      },
    });
    const answer = await handlers.readyz();
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({
      status: 'not_ready',
      checks: { kafka: false, redis: false, registry: false, clock: true },
    });
  });

  it('serves process metrics and the service own metrics with the service label', async () => {
    const own = createMetricsRegistry({ service: 'ingress' });
    const accepted = new Counter({
      name: 'notifications_accepted_total',
      help: 'accepted',
      registers: [own],
    });
    accepted.inc(2);
    const answer = await createHealthHandlers({ registry: own }).metrics();
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(answer.body).toContain('notifications_accepted_total{service="ingress"} 2');
    expect(answer.body).toContain('process_cpu_user_seconds_total{service="ingress"}');
  });
});
