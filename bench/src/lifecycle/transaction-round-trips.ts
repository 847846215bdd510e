import { commitTransaction } from '@clawback/exactly-once';
import {
  createTransactionalProducer,
  initTransactions,
  type Message,
  type Producer,
} from '@clawback/kafka';
import { openBenchEnvironment, type BenchEnvironment } from '../pipeline/bench-environment';
import { summarize } from '../stats/percentiles';
import { nowMs } from '../stats/stopwatch';

/** Transactions per variant and round, back to back on one transactional id. */
const TRANSACTIONS = 60;
const PARTITION = 3;
/** About the size of an encoded lifecycle event or snapshot. */
const VALUE = Buffer.alloc(300, 1);

type Variant =
  'copy loop (records first, one output)' | 'ours, one output' | 'ours, event + snapshot';
type Run = (producer: Producer, nextOffset: number) => Promise<unknown>;

function variants(env: BenchEnvironment): Record<Variant, Run> {
  const { notificationsRaw, lifecycleEvents, lifecycleState } = env.topics;
  const groupId = env.groupId('round-trips');
  const record = (): Message => ({ key: 'order-1', value: VALUE, partition: PARTITION });
  const ours =
    (topics: readonly string[]): Run =>
    (producer, nextOffset) =>
      commitTransaction(producer, {
        topicMessages: topics.map((topic) => ({ topic, messages: [record()] })),
        consumedOffset: {
          consumerGroupId: groupId,
          topic: notificationsRaw,
          partition: PARTITION,
          nextOffset: String(nextOffset),
        },
      });
  return {
    'copy loop (records first, one output)': async (producer, nextOffset) => {
      const transaction = await producer.transaction();
      await transaction.send({ topic: lifecycleEvents, messages: [record()] });
      await transaction.sendOffsets({
        consumerGroupId: groupId,
        topics: [
          {
            topic: notificationsRaw,
            partitions: [{ partition: PARTITION, offset: String(nextOffset) }],
          },
        ],
      });
      await transaction.commit();
    },
    'ours, one output': ours([lifecycleEvents]),
    'ours, event + snapshot': ours([lifecycleEvents, lifecycleState]),
  };
}

async function measure(producer: Producer, run: Run, offset: number): Promise<string> {
  const requests = new Map<string, number>();
  const off = producer.on(producer.events.REQUEST, ({ payload }) =>
    requests.set(payload.apiName, (requests.get(payload.apiName) ?? 0) + 1),
  );
  const latencies: number[] = [];
  for (let i = 0; i < TRANSACTIONS; i++) {
    const started = nowMs();
    await run(producer, offset + i);
    latencies.push(nowMs() - started);
  }
  off();
  const total = [...requests.values()].reduce((a, b) => a + b, 0);
  const perApi = [...requests]
    .map(([api, n]) => `${api} ${(n / TRANSACTIONS).toFixed(2)}`)
    .join(', ');
  const { p50, p99 } = summarize(latencies);
  return `${(total / TRANSACTIONS).toFixed(2)} | ${perApi} | ${p50.toFixed(1)} / ${p99.toFixed(1)}`;
}

/**
 * `npx tsx bench/src/lifecycle/transaction-round-trips.ts`: the requests (kafkajs's request
 * events) and the time of one transaction, back to back on one transactional id, as the
 * transactional copy loop writes it and as `commitTransaction` writes the lifecycle's (an
 * event and a snapshot, or one output). Two rounds; prints a markdown table.
 */
async function main(): Promise<void> {
  const env = await openBenchEnvironment('round-trips', {
    topics: ['notificationsRaw', 'lifecycleEvents', 'lifecycleState'],
  });
  const producer = createTransactionalProducer(env.kafka, { transactionalId: `${env.id}-tx` });
  try {
    await producer.connect();
    await initTransactions(producer);
    process.stdout.write(
      '| round | transaction | requests per transaction | by request | p50 / p99 ms |\n|---|---|---:|---|---|\n',
    );
    let offset = 1;
    for (const round of [1, 2]) {
      for (const [name, run] of Object.entries(variants(env))) {
        process.stdout.write(`| ${round} | ${name} | ${await measure(producer, run, offset)} |\n`);
        offset += TRANSACTIONS;
      }
    }
  } finally {
    await producer.disconnect();
    await env.dispose();
  }
}

void main();
