import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadConfig } from '@clawback/config';
import {
  createIdempotentProducer,
  createKafkaClient,
  withKafkajsOwnSends,
  type Producer,
} from '@clawback/kafka';
import { serialBatches } from './serial-batches';

/**
 * What each request costs on the bare HTTP ceilings: nothing (read the body, answer 200); the
 * body produced as it came with a bare idempotent kafkajs producer (one request per send); or
 * with the ingress's own producer (`createIdempotentProducer`).
 */
export type BareHttpMode = 'respond' | 'produce' | 'produce-ingress-producer';

/** The environment of this entry point (beside the usual `KAFKA_*` variables). */
const PORT = 'BARE_HTTP_PORT';
const MODE = 'BARE_HTTP_MODE';
const TOPIC = 'BARE_HTTP_TOPIC';
const WORKERS = 'BARE_HTTP_WORKERS';

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'content-length': '0' });
  response.end();
}

async function connectProducer(mode: BareHttpMode): Promise<Producer> {
  const kafka = createKafkaClient(loadConfig(['kafka'], process.env).kafka, {
    clientId: `bench-bare-http-${process.pid}`,
  });
  const producer =
    mode === 'produce'
      ? withKafkajsOwnSends(() =>
          kafka.producer({
            idempotent: true,
            maxInFlightRequests: 1,
            allowAutoTopicCreation: false,
          }),
        )
      : createIdempotentProducer(kafka);
  await producer.connect();
  return producer;
}

/** One worker: node:http, the body read whole, then (by mode) produced before the 200. */
async function serve(mode: BareHttpMode): Promise<void> {
  const producer = mode === 'respond' ? undefined : await connectProducer(mode);
  const send = producer && serialBatches(producer, process.env[TOPIC]!);
  // Distinct keys without parsing the body: spread over the partitions as order keys are.
  let sequence = 0;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!send || request.url === '/readyz') return answer(response, 200);
      const value = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      send({ key: `${process.pid}:${sequence++}`, value }).then(
        () => answer(response, 200),
        () => answer(response, 503),
      );
    });
  };
  const server = createServer({ keepAliveTimeout: 60_000 }, handle);
  server.listen(Number(process.env[PORT]), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void (producer?.disconnect() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}

/** The primary forks the workers (they share the port) and stops them on SIGTERM. */
function runPrimary(workers: number): void {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  let exited = 0;
  cluster.on('exit', () => {
    if (++exited === workers) process.exit(0);
  });
}

if (cluster.isPrimary) runPrimary(Number(process.env[WORKERS]));
else void serve(process.env[MODE] as BareHttpMode);
