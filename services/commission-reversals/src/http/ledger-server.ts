import type { AddressInfo } from 'node:net';
import { type HealthHandlers, registerHealthRoutes } from '@clawback/observability';
import type { Redis } from '@clawback/redis';
import Fastify from 'fastify';
import { registerLedgerRoute } from './ledger-route';

/** The service's HTTP server: the ledger read API and `/healthz`, `/readyz`, `/metrics`. */
export interface LedgerServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Options for {@link startLedgerServer}. */
export interface LedgerServerOptions {
  readonly redis: Redis;
  readonly health: HealthHandlers;
  readonly port: number;
  /** Default all interfaces. */
  readonly host?: string;
  readonly onError: (error: unknown) => void;
}

/** Starts the HTTP server; the read API and the health routes share one port. */
export async function startLedgerServer(options: LedgerServerOptions): Promise<LedgerServer> {
  const app = Fastify({ logger: false });
  registerHealthRoutes(app, options.health);
  registerLedgerRoute(app, options.redis, options.onError);
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  return {
    port: (app.server.address() as AddressInfo).port,
    close: () => app.close(),
  };
}
