import { createIdempotentProducer, withKafkajsOwnSends, type Message } from '@clawback/kafka';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { summarize } from '../stats/percentiles';
import { nowMs } from '../stats/stopwatch';

/** Seconds per (kind, batch size) run. */
const SECONDS = 4;
/** What a worker's batch holds at full load (64 connections ÷ 2 workers), and around it. */
const BATCH_SIZES = [8, 32, 64];
/** About the size of an Avro-encoded raw 2Checkout IPN. */
const VALUE = Buffer.alloc(900, 1);

/** kafkajs's own send; ours (one request per broker); the fallback (one per partition, over kafkajs's own). */
type Kind = 'bare' | 'per-broker' | 'per-partition';

/** Sends batches back to back for {@link SECONDS}; counts Produce requests from kafkajs's events. */
async function run(
  env: Awaited<ReturnType<typeof openBenchEnvironment>>,
  kind: Kind,
  batchSize: number,
): Promise<string> {
  const topic = env.topics.notificationsRaw;
  const producer =
    kind === 'bare'
      ? withKafkajsOwnSends(() =>
          env.kafka.producer({
            idempotent: true,
            maxInFlightRequests: 1,
            allowAutoTopicCreation: false,
          }),
        )
      : kind === 'per-broker'
        ? createIdempotentProducer(env.kafka)
        : // Built with kafkajs's own send, `createIdempotentProducer` falls back to the split.
          withKafkajsOwnSends(() => createIdempotentProducer(env.kafka));
  let produceRequests = 0;
  producer.on(producer.events.REQUEST, (event) => {
    if (event.payload.apiName === 'Produce') produceRequests++;
  });
  await producer.connect();
  try {
    let key = 0;
    const batch = (): Message[] =>
      Array.from({ length: batchSize }, () => ({ key: `order-${key++}`, value: VALUE }));
    await producer.send({ topic, acks: -1, messages: batch() }); // metadata, connections
    produceRequests = 0;
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    const start = nowMs();
    while (nowMs() - start < SECONDS * 1000) {
      const sent = nowMs();
      await producer.send({ topic, acks: -1, messages: batch() });
      latencies.push(nowMs() - sent);
    }
    const elapsed = nowMs() - start;
    const used = process.cpuUsage(cpu);
    const records = latencies.length * batchSize;
    const ack = summarize(latencies);
    return (
      `| ${kind} | ${batchSize} | ${(produceRequests / latencies.length).toFixed(1)} | ` +
      `${Math.round((records * 1000) / elapsed)} | ${ack.p50.toFixed(1)} / ${ack.p99.toFixed(1)} | ` +
      `${Math.round((used.user + used.system) / records)} |`
    );
  } finally {
    await producer.disconnect();
  }
}

/**
 * `npx tsx bench/src/ingress/send-scheme-cost.ts`: what the producers' send schemes cost
 * (ADR 0004) against kafkajs's own send, with the ingress's settings, on the raw topic's 12
 * partitions: one request per broker (`createIdempotentProducer`, `send-per-broker.ts`) and
 * one request per partition (the fallback, `sendingPerPartition`). Prints a markdown table.
 */
async function main(): Promise<void> {
  const env = await openBenchEnvironment('send-scheme', { topics: ['notificationsRaw'] });
  try {
    process.stdout.write(
      '| producer | records per send | Produce requests per send | records/s | ack p50 / p99 ms | CPU µs per record |\n|---|---:|---:|---:|---|---:|\n',
    );
    for (const batchSize of BATCH_SIZES) {
      for (const kind of ['bare', 'per-broker', 'per-partition'] as const) {
        process.stdout.write(`${await run(env, kind, batchSize)}\n`);
      }
    }
  } finally {
    await env.dispose();
  }
}

void main();
