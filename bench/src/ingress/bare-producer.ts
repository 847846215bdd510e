import { withKafkajsOwnSends, type KafkaClient, type Message } from '@clawback/kafka';
import { summarize, type LatencySummary } from '../stats/percentiles';
import { nowMs, perSecond } from '../stats/stopwatch';

/** Options of {@link bareProducerRun}. */
export interface BareProducerOptions {
  readonly topic: string;
  /** Pre-encoded records, sent in order and round again; their size and keys are the ingress's. */
  readonly messages: readonly Message[];
  /** Records per produce request. */
  readonly batchSize: number;
  readonly durationMs: number;
}

/** What the bare producer achieved. */
export interface BareProducerFigures {
  readonly records: number;
  readonly requests: number;
  readonly elapsedMs: number;
  readonly recordsPerSecond: number;
  /** Per produce request, from send to acknowledgement by all in-sync replicas. */
  readonly ackLatencyMs: LatencySummary;
  /**
   * CPU cores this process used while it ran (user + system ÷ wall): with the machine shared,
   * records per CPU-second compare where records per second cannot.
   */
  readonly cpuCores: number;
}

/**
 * The ingress's baseline: a kafkajs producer with the ingress's settings (idempotent, one
 * request in flight, acks from all in-sync replicas) sending pre-encoded records back to back,
 * with nothing else in the process's way: no HTTP, no verification, no Avro encoding.
 */
export async function bareProducerRun(
  kafka: KafkaClient,
  options: BareProducerOptions,
): Promise<BareProducerFigures> {
  // kafkajs as it ships, not with @clawback/kafka's sendMessages (send-per-broker.ts).
  const producer = withKafkajsOwnSends(() =>
    kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
  );
  await producer.connect();
  try {
    const batch = (i: number): Message[] =>
      Array.from(
        { length: options.batchSize },
        (_, j) => options.messages[(i * options.batchSize + j) % options.messages.length]!,
      );
    await producer.send({ topic: options.topic, acks: -1, messages: batch(0) }); // connects and warms up
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    const start = nowMs();
    let requests = 0;
    while (nowMs() - start < options.durationMs) {
      const sent = nowMs();
      await producer.send({ topic: options.topic, acks: -1, messages: batch(++requests) });
      latencies.push(nowMs() - sent);
    }
    const elapsedMs = nowMs() - start;
    const used = process.cpuUsage(cpu);
    const records = requests * options.batchSize;
    return {
      records,
      requests,
      elapsedMs,
      recordsPerSecond: perSecond(records, elapsedMs),
      ackLatencyMs: summarize(latencies),
      cpuCores: (used.user + used.system) / 1000 / elapsedMs,
    };
  } finally {
    await producer.disconnect();
  }
}
