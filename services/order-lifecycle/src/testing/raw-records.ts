import type { Message } from '@clawback/kafka';
import { loadSchemaFiles, type AvroRegistry } from '@clawback/schema-registry';
import type { LogRecord } from './notification-log';

/**
 * Registers the raw schema under `rawTopic` (as the ingress does) and encodes the log as the
 * ingress would publish it: Avro in the Confluent wire format, keyed by order key.
 */
export async function rawMessages(
  registry: AvroRegistry,
  rawTopic: string,
  records: readonly LogRecord[],
): Promise<Message[]> {
  const schema = (await loadSchemaFiles()).find(
    (file) => file.topic === 'payments.notifications.raw',
  );
  if (!schema) throw new Error('schemas/payments.notifications.raw.avsc is missing');
  await registry.register(rawTopic, schema.schema);
  const messages: Message[] = [];
  for (const record of records) {
    messages.push({ key: record.key, value: await registry.encode(rawTopic, record.value) });
  }
  return messages;
}

/**
 * Produces `messages` a few at a time, as a live ingress would: each send becomes its own
 * record batch, so the consumer fetches many batches (a single send would be one batch per
 * partition, and one transaction).
 */
export async function produceInChunks(
  produce: (messages: readonly Message[]) => Promise<void>,
  messages: readonly Message[],
  chunk = 10,
): Promise<void> {
  for (let start = 0; start < messages.length; start += chunk) {
    await produce(messages.slice(start, start + chunk));
  }
}
