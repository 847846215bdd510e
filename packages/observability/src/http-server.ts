import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthHandlers, HttpAnswer } from './health-handlers';

/** Options for {@link startObservabilityServer}. */
export interface ObservabilityServerOptions {
  readonly handlers: HealthHandlers;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Default all interfaces, so a scraper in another container reaches it. */
  readonly host?: string;
  /** Told about handler failures (which are answered with 500). */
  readonly onError?: (error: unknown) => void;
}

/** A running observability server. */
export interface ObservabilityServer {
  /** The port actually bound. */
  readonly port: number;
  close(): Promise<void>;
}

/** The handler for a path, if any. */
function routeFor(handlers: HealthHandlers, path: string): (() => Promise<HttpAnswer>) | undefined {
  switch (path) {
    case '/healthz':
      return () => handlers.healthz();
    case '/readyz':
      return () => handlers.readyz();
    case '/metrics':
      return () => handlers.metrics();
    default:
      return undefined;
  }
}

/**
 * Serves `/healthz`, `/readyz` and `/metrics` on node:http, for services without an HTTP
 * framework of their own.
 */
export async function startObservabilityServer(
  options: ObservabilityServerOptions,
): Promise<ObservabilityServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const route = routeFor(options.handlers, path);
    const send = (answer: HttpAnswer): void => {
      response.writeHead(answer.status, { 'Content-Type': answer.contentType });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
    };
    if (!route) return send({ status: 404, contentType: 'text/plain', body: 'not found\n' });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send({ status: 405, contentType: 'text/plain', body: 'method not allowed\n' });
    }
    route().then(send, (error: unknown) => {
      options.onError?.(error);
      send({ status: 500, contentType: 'text/plain', body: 'internal error\n' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Scrapers keep connections alive; do not wait for them to leave.
        server.closeIdleConnections();
      }),
  };
}
