export { createMetricsRegistry, type MetricsRegistryOptions } from './metrics-registry';
export { kafkaRetriableResponses } from './kafka-retries';
export {
  createHealthHandlers,
  type HealthHandlers,
  type HealthHandlersOptions,
  type HttpAnswer,
  type ReadinessCheck,
} from './health-handlers';
export {
  routeFor,
  startObservabilityServer,
  type ObservabilityServer,
  type ObservabilityServerOptions,
} from './http-server';
export { registerHealthRoutes, type ReplyLike, type RouteHost } from './fastify-routes';
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
