import { loadConfig, type Env } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import { serialBatches } from '../ingress/serial-batches';
import { serveChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { epochMs } from './epoch-clock';
import { runOpenLoop } from './open-loop';
import type { PacedResult, SentRequest } from './paced-request';

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
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const send = serialBatches(producer, request.topic);
  const sent: SentRequest[] = new Array<SentRequest>(total);
  const base = (i: number) => ({
    notificationId: String(i),
    orderKey: pool[i]!.orderKey,
    kind: pool[i]!.kind,
    warmUp: i < warmUpCount,
  });
  const start = epochMs();
  try {
    await runOpenLoop({
      total,
      ratePerSecond: request.ratePerSecond,
      maxInFlight: request.maxInFlight,
      send: async (i) => {
        const startMs = epochMs();
        const status = await send({ key: pool[i]!.orderKey, value: values[i]! }).then(
          () => 200,
          () => 0,
        );
        sent[i] = { ...base(i), startMs, endMs: epochMs(), status };
      },
      shed: (i) => {
        const startMs = epochMs();
        sent[i] = { ...base(i), startMs, endMs: startMs, status: -1 };
      },
    });
  } finally {
    await producer.disconnect();
  }
  return { requests: sent, elapsedMs: epochMs() - start };
});
