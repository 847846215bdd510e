import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** The operations endpoints of a non-HTTP service. */
export interface OpsServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * `GET /healthz` (the process answers), `GET /readyz` (its dependencies answer) and
 * `GET /metrics` (Prometheus text) on `host:port`.
 */
export async function startOpsServer(options: {
  readonly port: number;
  readonly host?: string;
  readonly registry: Registry;
  readonly ready: () => Promise<boolean>;
}): Promise<OpsServer> {
  const server: Server = createServer((request, response) => {
    const reply = (status: number, type: string, body: string): void => {
      response.writeHead(status, { 'content-type': type }).end(body);
    };
    const json = 'application/json';
    void (async () => {
      try {
        if (request.method !== 'GET') return reply(405, json, '{"error":"method_not_allowed"}');
        if (request.url === '/healthz') return reply(200, json, '{"status":"ok"}');
        if (request.url === '/readyz') {
          const ready = await options.ready();
          return reply(ready ? 200 : 503, json, JSON.stringify({ ready }));
        }
        if (request.url === '/metrics') {
          return reply(200, options.registry.contentType, await options.registry.metrics());
        }
        return reply(404, json, '{"error":"not_found"}');
      } catch {
        return reply(500, json, '{"error":"internal"}');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
