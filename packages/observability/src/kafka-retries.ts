import { Counter, type Registry } from 'prom-client';

/**
 * A listener for `createKafkaClient`'s `onRetriableResponse` that counts broker error answers a
 * retry fixed (`clawback_kafka_retriable_responses_total{type}`, e.g. `CONCURRENT_TRANSACTIONS`
 * between back-to-back transactions). They are logged at debug; this counter is how an operator
 * sees their rate without error-level lines.
 */
export function kafkaRetriableResponses(registry: Registry): (type: string) => void {
  const name = 'clawback_kafka_retriable_responses_total';
  const counter =
    (registry.getSingleMetric(name) as Counter<'type'> | undefined) ??
    new Counter({
      name,
      help: 'Broker error answers that kafkajs or Clawback retried, by protocol error type',
      labelNames: ['type'],
      registers: [registry],
    });
  return (type) => counter.inc({ type });
}
