export { createMetricsRegistry } from './metrics-registry';
export { kafkaRetriableResponses } from './kafka-retries';
export { createHealthHandlers, type HealthHandlers } from './health-handlers';
export { startObservabilityServer, type ObservabilityServer } from './http-server';
export { registerHealthRoutes } from './fastify-routes';
export { Counter, Gauge, type Registry } from 'prom-client';
export { createShutdown } from './shutdown';
