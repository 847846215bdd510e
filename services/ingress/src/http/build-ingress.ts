import { randomUUID } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import { rateLimitedLog, type Logger } from '@clawback/logging';
import type { MerchantDirectory } from '@clawback/merchants';
import type { ProviderName } from '@clawback/notifications';
import { adapterFor as defaultAdapterFor, type ProviderAdapter } from '@clawback/providers';
import { createHealthHandlers, registerHealthRoutes, type Registry } from '@clawback/observability';
import type { EdgeDedupe } from '../dedupe/edge-dedupe';
import { guardedDedupe } from '../dedupe/guarded-dedupe';
import { IngressError } from '../errors/ingress-error';
import { createIngressMetrics } from '../metrics/ingress-metrics';
import type { NotificationPublisher } from '../publish/notification-publisher';
import { PublishCoalescer } from '../publish/publish-coalescer';
import type { IngressSettings } from '../settings/ingress-settings';
import { withTimeout } from '../time/with-timeout';
import { sendError } from './error-reply';
import { answerClientError } from './client-error-reply';
import { limitConnections } from './connection-limits';
import { ingressErrorOf } from './framework-errors';
import type { IngressApp } from './ingress-app';
import { registerNotificationRoute } from './notification-route';
import { outcomeSummary } from './outcome-summary';
import { acceptRawBodies } from './raw-body';

const DEDUPE_WARNING_INTERVAL_MS = 10_000;

/** Everything the ingress app is built from; I/O arrives as dependencies. */
export interface IngressDependencies {
  readonly config: IngressSettings;
  readonly merchants: MerchantDirectory;
  readonly publisher: NotificationPublisher;
  readonly dedupe: EdgeDedupe;
  readonly logger: Logger;
  /** The registry the ingress registers its metrics on; `/metrics` serves it by default. */
  readonly metrics: Registry;
  /** What `/metrics` serves instead (a cluster worker: all workers' metrics aggregated). */
  readonly exposedMetrics?: Registry;
  /** Wall clock, epoch milliseconds. */
  readonly now: () => number;
  /** Ingress ids; random UUIDs by default. */
  readonly newIngressId?: () => string;
  /** Provider adapters; `@clawback/providers` by default. */
  readonly adapterFor?: (provider: ProviderName) => ProviderAdapter;
  /**
   * Whether the edge dedupe's Redis answers; `/readyz` reports it as `redis: ok|degraded`
   * without making the ingress not ready (the lifecycle dedupes anyway).
   */
  readonly edgeDedupeReady?: () => Promise<boolean>;
  /** Longest a Redis call may delay a request; default 250 ms. */
  readonly dedupeTimeoutMs?: number;
}

/**
 * The ingress HTTP app, not yet listening. Closing it stops accepting (new requests get 503
 * `shutting_down`), lets requests in flight finish, then waits (bounded) for publishes still
 * under way so their acknowledgements are remembered; the caller then flushes the producer.
 */
export function buildIngress(deps: IngressDependencies): IngressApp {
  const { config, logger } = deps;
  const app = Fastify({
    loggerInstance: logger,
    // Fastify's request log lines carry the URL, i.e. Kartra's ?token=; we log our own.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (a pino child with its bindings, for every request): the
    // ingress logs through its own logger, never request.log, so only fastify's own rare
    // lines lose the request id.
    childLoggerFactory: (parent, bindings, options) =>
      options.level === undefined && options.serializers === undefined
        ? parent
        : parent.child(bindings, options),
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: false,
    // Answers from the router and from node's parser use our error shape and codes too.
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, ingressErrorOf(error), config.retryAfterSeconds);
    },
    // Slow headers and bodies are cut off, so slow sockets cannot pile up (node's defaults
    // let a body trickle in forever). node checks the deadlines every connectionsCheckingInterval.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
  });
  limitConnections(app.server, {
    perSource: config.maxConnectionsPerSource,
    total: config.maxConnections,
  });
  const metrics = createIngressMetrics(deps.metrics);
  // With Redis away every request fails its dedupe calls: one line per interval is enough
  // (the counter has every failure).
  const dedupeWarning = rateLimitedLog(logger, 'warn', {
    intervalMs: DEDUPE_WARNING_INTERVAL_MS,
    now: deps.now,
  });
  const dedupe = guardedDedupe(deps.dedupe, {
    timeoutMs: deps.dedupeTimeoutMs ?? 250,
    onError: (operation, err) => {
      metrics.dedupeErrors.inc({ operation });
      dedupeWarning({ operation, err }, 'edge dedupe unavailable; going on without it');
    },
  });
  // Bound once: observed for every request (see bound-children.ts).
  const publishSeconds = {
    acked: metrics.publishSeconds.labels('acked'),
    failed: metrics.publishSeconds.labels('failed'),
  };
  const coalescer = new PublishCoalescer({
    publisher: deps.publisher,
    dedupe,
    now: deps.now,
    onSettled: (result, durationMs, err) => {
      publishSeconds[result].observe(durationMs / 1000);
      if (err !== undefined) logger.warn({ err }, 'publish to Kafka failed');
    },
  });

  let closing = false;
  app.addHook('preClose', () => {
    closing = true;
  });
  // Both hooks run on every request: callback style, so no promise is made for each.
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    const error = new IngressError('shutting_down', 'the ingress is shutting down');
    // Answered here: the hook chain stops without done().
    void sendError(reply, error, config.retryAfterSeconds);
  });
  // Answers given while closing end their keep-alive connection, or the server would wait
  // for clients to hang up before it could finish closing.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  const summary = outcomeSummary(logger);
  app.addHook('onClose', async () => {
    await withTimeout(coalescer.drain(), config.publishTimeoutMs).catch(() => {
      logger.warn({ pending: coalescer.pending }, 'publishes still unacknowledged at shutdown');
    });
    summary.close();
  });
  app.setErrorHandler(
    (error: { code?: string; statusCode?: number; message: string }, _request, reply) => {
      const ingressError = ingressErrorOf(error);
      if (ingressError.code === 'internal_error') logger.error({ err: error }, 'unexpected error');
      return sendError(reply, ingressError, config.retryAfterSeconds);
    },
  );
  app.setNotFoundHandler((_request, reply) =>
    sendError(
      reply,
      new IngressError('route_not_found', 'no such route'),
      config.retryAfterSeconds,
    ),
  );

  acceptRawBodies(app);
  registerHealthRoutes(
    app,
    createHealthHandlers({
      registry: deps.exposedMetrics ?? deps.metrics,
      readiness: {
        accepting: () => Promise.resolve(!closing),
        kafka: () => deps.publisher.isReady(),
      },
      ...(deps.edgeDedupeReady && { degradable: { redis: deps.edgeDedupeReady } }),
    }),
  );
  registerNotificationRoute(app, {
    accept: {
      merchants: deps.merchants,
      adapterFor: deps.adapterFor ?? defaultAdapterFor,
      coalescer,
      dedupe,
      now: deps.now,
      newIngressId: deps.newIngressId ?? randomUUID,
      publishTimeoutMs: config.publishTimeoutMs,
    },
    metrics,
    logger,
    retryAfterSeconds: config.retryAfterSeconds,
    summary,
  });
  return app;
}
