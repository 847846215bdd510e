import type { IngressApp } from './ingress-app';
import type { Registry } from 'prom-client';

/** What the operational endpoints ask about. */
export interface OpsProbes {
  /** Kafka reachable and not shutting down. */
  readonly ready: () => Promise<boolean>;
  readonly registry: Registry;
}

/**
 * `GET /healthz` (the process answers), `GET /readyz` (it can take notifications: Kafka is
 * reachable) and `GET /metrics` (Prometheus text).
 */
export function registerOpsRoutes(app: IngressApp, probes: OpsProbes): void {
  app.get('/healthz', async (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await probes.ready().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(probes.registry.contentType).send(await probes.registry.metrics()),
  );
}
