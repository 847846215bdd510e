import { createTestContext, type TestContext } from '@clawback/test-harness';
import { Writable } from 'node:stream';
import { createLogger } from '@clawback/logging';
import type { Producer } from 'kafkajs';
import { createKafkaClient } from './client';
import { partitionOfKey } from './key-partition';
import {
  createIdempotentProducer,
  createTransactionalProducer,
  initTransactions,
} from './producers';
import {
  installSendPerBroker,
  sendPerBrokerBuilt,
  withKafkajsOwnSends,
} from './send-per-broker-install';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ topics: ['lifecycleEvents', 'lifecycleState'], partitions: 3 });
});
afterEach(() => ctx.dispose());

const keys = Array.from({ length: 30 }, (_, i) => `order-${i}`);

/** The broker requests `producer` makes, by API name. */
function requestsOf(producer: Producer): string[] {
  const names: string[] = [];
  producer.on(producer.events.REQUEST, ({ payload }) => names.push(payload.apiName));
  return names;
}

describe('sends through send-per-broker.ts (real broker)', () => {
  it('is in place before kafkajs loads, and builds the producers of this package', () => {
    expect(installSendPerBroker()).toBe('installed');
    const before = sendPerBrokerBuilt();
    createIdempotentProducer(ctx.kafka);
    expect(sendPerBrokerBuilt()).toBe(before + 1);
  });

  it('given the idempotent producer, when one send spans every partition, then one Produce request stores each record once, where its key belongs', async () => {
    const producer = ctx.track(createIdempotentProducer(ctx.kafka));
    await producer.connect();
    const topic = ctx.topics.lifecycleEvents;
    const messages = keys.map((key) => ({ key, value: key }));
    // A new topic's partitions may answer UNKNOWN_TOPIC_OR_PARTITION for a moment (a retry):
    // the first send waits that out, the second is the one counted.
    await producer.send({ topic, acks: -1, messages });
    const requests = requestsOf(producer);
    await producer.send({ topic, acks: -1, messages });

    expect(requests.filter((name) => name === 'Produce')).toHaveLength(1);
    const read = await ctx.readAll(topic, { expected: 2 * keys.length, timeoutMs: 30_000 });
    expect(read.map((r) => r.key!.toString()).sort()).toEqual([...keys, ...keys].sort());
    for (const record of read) expect(record.partition).toBe(partitionOfKey(record.key!, 3));
  });

  it('given a transaction writing to every partition of two topics, when committed, then it took one AddPartitionsToTxn and one Produce, and read_committed finds each record once', async () => {
    // A broker answer a retry fixes (CONCURRENT_TRANSACTIONS while the warm-up's abort markers
    // are written) repeats a request; kafkajs logs each such answer as `Response <Api>(…)`,
    // which the client logs at debug: counted here, so only the requests that did the work count.
    const retried: string[] = [];
    const lines = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const { msg, retriable } = JSON.parse(chunk.toString()) as {
          msg?: string;
          retriable?: string;
        };
        const api = /^Response (\w+)\(/.exec(msg ?? '')?.[1];
        if (api && retriable) retried.push(api);
        done();
      },
    });
    const kafka = createKafkaClient(ctx.config.kafka, {
      logger: createLogger({ service: 'test', level: 'debug', destination: lines }),
    });
    const producer = ctx.track(
      createTransactionalProducer(kafka, {
        transactionalId: `${ctx.transactionalIdPrefix}-per-broker`,
      }),
    );
    await producer.connect();
    await initTransactions(producer);
    const { lifecycleEvents: events, lifecycleState: state } = ctx.topics;
    const topicMessages = [
      { topic: events, messages: keys.map((key) => ({ key, value: `event-${key}` })) },
      { topic: state, messages: [{ key: 'order-0', value: 'state-0', partition: 1 }] },
    ];
    // An aborted transaction first waits out a new topic's first moments (see above).
    const warmUp = await producer.transaction();
    await warmUp.sendBatch({ topicMessages });
    await warmUp.abort();
    const requests = requestsOf(producer);
    retried.length = 0;
    const transaction = await producer.transaction();
    const answers = await transaction.sendBatch({ topicMessages });
    await transaction.commit();

    const done = (api: string) =>
      requests.filter((n) => n === api).length - retried.filter((n) => n === api).length;
    expect(done('AddPartitionsToTxn')).toBe(1);
    expect(done('Produce')).toBe(1);
    expect(answers.map((a) => `${a.topicName}:${a.partition}`).sort()).toEqual(
      [...new Set(keys.map((key) => `${events}:${partitionOfKey(key, 3)}`)), `${state}:1`].sort(),
    );
    const read = await ctx.readAll(events, { expected: keys.length, timeoutMs: 30_000 });
    expect(read.map((r) => r.value!.toString()).sort()).toEqual(
      keys.map((k) => `event-${k}`).sort(),
    );
    const stateRead = await ctx.readAll(state, { expected: 1, timeoutMs: 30_000 });
    expect(stateRead.map((r) => [r.partition, r.value!.toString()])).toEqual([[1, 'state-0']]);
  });
});

describe('withKafkajsOwnSends', () => {
  it("builds a producer with kafkajs's own sendMessages, and this package's producers then fall back to one request per partition", async () => {
    const before = sendPerBrokerBuilt();
    const bare = ctx.track(
      withKafkajsOwnSends(() => ctx.kafka.producer({ allowAutoTopicCreation: false })),
    );
    const fallback = ctx.track(withKafkajsOwnSends(() => createIdempotentProducer(ctx.kafka)));
    expect(sendPerBrokerBuilt()).toBe(before);
    await bare.connect();
    await fallback.connect();
    const topic = ctx.topics.lifecycleEvents;
    const messages = keys.map((key) => ({ key, value: key }));
    await bare.send({ topic, acks: -1, messages });
    const requests = requestsOf(fallback);
    await fallback.send({ topic, acks: -1, messages });

    // One request per partition (a retry may add one); without the split there would be one.
    expect(requests.filter((name) => name === 'Produce').length).toBeGreaterThanOrEqual(3);
    const read = await ctx.readAll(topic, { expected: 2 * keys.length, timeoutMs: 30_000 });
    expect(read.map((r) => r.key!.toString()).sort()).toEqual([...keys, ...keys].sort());
  });
});
