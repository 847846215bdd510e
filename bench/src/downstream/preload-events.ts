import { toAvroEvent } from '@clawback/order-machine';
import { loadSchemaFiles } from '@clawback/schema-registry';
import type { BenchEnvironment } from '../pipeline/bench-environment';
import type { LifecycleLog } from './lifecycle-log';

/**
 * Writes `log` to the run's `orders.lifecycle.events` as the lifecycle does: its value schema
 * registered, each event Avro-encoded through the registry and keyed by order key (so an order
 * keeps to one partition), chunk by chunk to keep memory flat.
 */
export async function preloadLifecycleEvents(
  env: BenchEnvironment,
  log: LifecycleLog,
  chunkSize = 500,
): Promise<void> {
  const topic = env.topics.lifecycleEvents;
  const schema = (await loadSchemaFiles()).find((f) => f.topic === 'orders.lifecycle.events');
  if (!schema) throw new Error('schemas/orders.lifecycle.events.avsc is missing');
  await env.registry.register(topic, schema.schema);
  const producer = env.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    for (let start = 0; start < log.events.length; start += chunkSize) {
      const chunk = log.events.slice(start, start + chunkSize);
      const messages = await Promise.all(
        chunk.map(async (event) => ({
          key: event.orderKey,
          value: await env.registry.encode(topic, toAvroEvent(event)),
        })),
      );
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}
