import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { registerHealthRoutes } from './fastify-routes';
import { createHealthHandlers } from './health-handlers';
import { createMetricsRegistry } from './metrics-registry';

// Over loopback rather than fastify's inject(): under jest, inject() loads light-my-request,
// whose `cookie` dependency is ESM-only and cannot be required by jest's CommonJS runtime.
describe('registerHealthRoutes on fastify', () => {
  it("serves the health handlers' answers on an existing app", async () => {
    const app = Fastify();
    let kafkaUp = true;
    const handlers = createHealthHandlers({
      registry: createMetricsRegistry({ service: 'ingress', defaultMetrics: false }),
      readiness: { kafka: () => Promise.resolve(kafkaUp) },
    });
    registerHealthRoutes(app, handlers);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (path: string) =>
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`;
    try {
      expect((await fetch(url('/healthz'))).status).toBe(200);
      expect((await fetch(url('/readyz'))).status).toBe(200);
      kafkaUp = false;
      const notReady = await fetch(url('/readyz'));
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'not_ready', checks: { kafka: false } });
      const metrics = await fetch(url('/metrics'));
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    } finally {
      await app.close();
    }
  });
});
