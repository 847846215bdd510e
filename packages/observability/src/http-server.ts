import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { HEALTH_PATHS, registerHealthRoutes } from './fastify-routes';
import type { HealthHandlers } from './health-handlers';

/** Options for {@link startObservabilityServer}. */
interface ObservabilityServerOptions {
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

/** Methods other than GET/HEAD, answered 405 on the health paths (fastify would say 404). */
const OTHER_METHODS = ['DELETE', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

const plain = (text: string): string => `${text}\n`;

/**
 * Serves `/healthz`, `/readyz` and `/metrics` on a fastify app of its own, for services
 * without an HTTP API (the ingress and the ledger mount the same routes on theirs).
 */
export async function startObservabilityServer(
  options: ObservabilityServerOptions,
): Promise<ObservabilityServer> {
  // fastify's default `forceCloseConnections: 'idle'`: scrapers keep connections alive, and
  // close() does not wait for them to leave.
  const app = Fastify();
  registerHealthRoutes(app, options.handlers);
  for (const url of HEALTH_PATHS) {
    app.route({
      method: [...OTHER_METHODS],
      url,
      handler: (_request, reply) =>
        reply.code(405).type('text/plain').send(plain('method not allowed')),
    });
  }
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('text/plain').send(plain('not found')),
  );
  app.setErrorHandler((error, _request, reply) => {
    options.onError?.(error);
    return reply.code(500).type('text/plain').send(plain('internal error'));
  });
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  return {
    port: (app.server.address() as AddressInfo).port,
    close: () => app.close(),
  };
}
