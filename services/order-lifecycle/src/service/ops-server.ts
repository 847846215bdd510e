import {
  createHealthHandlers,
  startObservabilityServer,
  type ObservabilityServer,
  type Registry,
} from '@clawback/observability';

/** The operations endpoints of the lifecycle process. */
export type OpsServer = ObservabilityServer;

/**
 * `GET /healthz` (the process answers), `GET /readyz` (Kafka and Redis answer, as `ready`
 * says) and `GET /metrics` (Prometheus text) on `host:port`, served by the shared
 * observability server.
 */
export function startOpsServer(options: {
  readonly port: number;
  readonly host?: string;
  readonly registry: Registry;
  readonly ready: () => Promise<boolean>;
}): Promise<OpsServer> {
  return startObservabilityServer({
    port: options.port,
    ...(options.host !== undefined && { host: options.host }),
    handlers: createHealthHandlers({
      registry: options.registry,
      readiness: { dependencies: options.ready },
    }),
  });
}
