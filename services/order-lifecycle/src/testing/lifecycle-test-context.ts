import type { TopicKey, TopicNames } from '@clawback/kafka';
import type { AvroRegistry } from '@clawback/schema-registry';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import type { Message } from '@clawback/kafka';
import type { CodecTopics } from '../records/registry-codecs';
import type { LogRecord } from './notification-log';
import { produceInChunks, rawMessages } from './raw-records';

/** The topics the lifecycle reads and writes. */
const LIFECYCLE_TOPICS: readonly TopicKey[] = [
  'notificationsRaw',
  'notificationsDlq',
  'lifecycleEvents',
  'lifecycleState',
];

/** A test context with the lifecycle's own topics, `partitions` each. */
export function createLifecycleTestContext(partitions: number): Promise<TestContext> {
  return createTestContext({ topics: LIFECYCLE_TOPICS, partitions });
}

/** The output topics in the shape codecs and read-backs take. */
export function outputTopics(topics: TopicNames): CodecTopics {
  return {
    events: topics.lifecycleEvents,
    state: topics.lifecycleState,
    deadLetters: topics.notificationsDlq,
  };
}

/**
 * Publishes `log` to the context's raw topic as the ingress would (registered schema, Avro,
 * a few records per send), followed by `extra` records as they are (e.g. unreadable bytes).
 */
export async function produceLog(
  context: Pick<TestContext, 'topics' | 'produce'>,
  registry: AvroRegistry,
  log: readonly LogRecord[],
  extra: readonly Message[] = [],
): Promise<void> {
  const rawTopic = context.topics.notificationsRaw;
  const messages = [...(await rawMessages(registry, rawTopic, log)), ...extra];
  await produceInChunks((chunk) => context.produce(rawTopic, chunk), messages);
}
