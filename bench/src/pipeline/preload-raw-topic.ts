import type { Producer } from '@clawback/kafka';
import type { BenchEnvironment } from './bench-environment';
import { ipnPool, type IpnPoolOptions } from './ipn-pool';
import { BENCH_MERCHANT } from './merchants-file';
import { rawMessages } from './raw-records';

/** Options of {@link preloadRawTopic}. */
export interface PreloadOptions {
  readonly count: number;
  readonly seed: number;
  readonly log: (line: string) => void;
  /** Records per produce request. Default 500. */
  readonly batchSize?: number;
  readonly inOrder?: IpnPoolOptions['inOrder'];
}

/**
 * Writes `count` signed 2Checkout IPNs to the run's raw topic exactly as the ingress would
 * (Avro, keyed by order key), so the lifecycle benchmarks start from a full log. Built and
 * written chunk by chunk to keep memory flat.
 */
export async function preloadRawTopic(
  env: BenchEnvironment,
  options: PreloadOptions,
): Promise<void> {
  const topic = env.topics.notificationsRaw;
  const pool = ipnPool({
    count: options.count,
    seed: options.seed,
    merchantId: BENCH_MERCHANT.id,
    secretKey: BENCH_MERCHANT.twoCheckoutSecret,
    ...(options.inOrder !== undefined && { inOrder: options.inOrder }),
  });
  options.log(`preloading ${pool.length} raw notifications`);
  const producer: Producer = env.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    const size = options.batchSize ?? 500;
    const receivedAt = Date.parse('2026-02-01T00:00:00Z');
    for (let start = 0; start < pool.length; start += size) {
      const chunk = pool.slice(start, start + size);
      const messages = await rawMessages(env.registry, topic, chunk, BENCH_MERCHANT.id, receivedAt);
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}
