import { loadConfig, type Env } from '@clawback/config';
import { createKafkaClient, withKafkajsOwnSends } from '@clawback/kafka';
import { serialBatches } from '../ingress/serial-batches';
import { serveChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { recordOpenLoop } from './open-loop';
import type { PacedResult } from './paced-request';

/** What the substrate's load generator is asked to do: the end-to-end load, without HTTP. */
export interface SubstrateRequest {
  readonly env: Env;
  readonly topic: string;
  readonly ratePerSecond: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  readonly maxInFlight: number;
  readonly pool: { readonly seed: number; readonly merchantId: string; readonly secretKey: string };
}

/**
 * The end-to-end benchmark's baseline load: the same IPN bodies, keys and pacing, produced
 * straight to a topic by a bare idempotent producer (one request in flight, the records that
 * arrive meanwhile in the next: the ingress's batching). Each value starts with the record's
 * index and a space, so the reader of the copied records can tell them apart. A record
 * counts as answered (status 200) once Kafka acknowledged it.
 */
serveChild<SubstrateRequest, PacedResult>(async (request) => {
  const total = request.ratePerSecond * (request.warmUpSeconds + request.durationSeconds);
  const warmUpCount = request.ratePerSecond * request.warmUpSeconds;
  const pool = ipnPool({ count: total, inOrder: true, ...request.pool });
  const values = pool.map((ipn, i) => Buffer.concat([Buffer.from(`${i} `), ipn.body]));
  const kafka = createKafkaClient(loadConfig(['kafka'], request.env).kafka, {
    clientId: `bench-substrate-${process.pid}`,
  });
  // kafkajs as it ships, not with @clawback/kafka's sendMessages (send-per-broker.ts).
  const producer = withKafkajsOwnSends(() =>
    kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
  );
  await producer.connect();
  const send = serialBatches(producer, request.topic);
  try {
    return await recordOpenLoop({
      pool,
      idOf: String,
      ratePerSecond: request.ratePerSecond,
      warmUpCount,
      maxInFlight: request.maxInFlight,
      attempt: (i) =>
        send({ key: pool[i]!.orderKey, value: values[i]! }).then(
          () => ({ status: 200 }),
          () => ({ status: 0 }),
        ),
    });
  } finally {
    await producer.disconnect();
  }
});
