import type { Registry } from 'prom-client';

/** A framework-neutral HTTP answer: the handlers stay plain functions, testable without a server. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** One readiness check: resolves true when the dependency is usable. */
type ReadinessCheck = () => Promise<boolean>;

/** The three observability endpoints. */
export interface HealthHandlers {
  /** `GET /healthz`: the process is up and serving. */
  healthz(): Promise<HttpAnswer>;
  /** `GET /readyz`: every readiness check passed (200), or which did not (503). */
  readyz(): Promise<HttpAnswer>;
  /** `GET /metrics`: Prometheus text format. */
  metrics(): Promise<HttpAnswer>;
}

/** Options for {@link createHealthHandlers}. */
export interface HealthHandlersOptions {
  readonly registry: Registry;
  /** Named checks, e.g. `{ kafka: kafkaReadiness(admin) }`; none means always ready. */
  readonly readiness?: Readonly<Record<string, ReadinessCheck>>;
  /**
   * Named checks of optional dependencies: reported in the body as `"ok"` or `"degraded"`
   * but never making the service not ready (e.g. the ingress's edge dedupe in Redis).
   */
  readonly degradable?: Readonly<Record<string, ReadinessCheck>>;
  /** A check that takes longer counts as failed. Default 5 s. */
  readonly checkTimeoutMs?: number;
}

const json = (status: number, value: unknown): HttpAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Builds the handlers; serve them with `startObservabilityServer` or `registerHealthRoutes`. */
export function createHealthHandlers(options: HealthHandlersOptions): HealthHandlers {
  const checks = Object.entries(options.readiness ?? {});
  const timeoutMs = options.checkTimeoutMs ?? 5000;
  return {
    healthz: () => Promise.resolve(json(200, { status: 'ok' })),
    readyz: async () => {
      const results = await Promise.all(
        checks.map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
      );
      const ready = results.every(([, ok]) => ok);
      const optional = await Promise.all(
        Object.entries(options.degradable ?? {}).map(
          async ([name, check]) =>
            [name, (await runCheck(check, timeoutMs)) ? 'ok' : 'degraded'] as const,
        ),
      );
      return json(ready ? 200 : 503, {
        status: ready ? 'ready' : 'not_ready',
        checks: {
          ...Object.fromEntries(results),
          ...Object.fromEntries(optional),
        } as Record<string, boolean | string>,
      });
    },
    metrics: async () => ({
      status: 200,
      contentType: options.registry.contentType,
      body: await options.registry.metrics(),
    }),
  };
}
