import type { KafkaMessage } from '@clawback/kafka';
import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import { buildOutputs } from '../batch/build-outputs';
import { memoryCompleted } from '../testing/memory-completed';
import { merchantSettings } from '../testing/merchant-settings';
import { processRedrives, type RedriveDeps } from './process-redrives';
import type { AvroRedriveCommand } from './redrive-command';

const command = (deadLetterId: string, causationId = 'ev-1'): AvroRedriveCommand => ({
  deadLetterId,
  operatorId: 'alice',
  reason: 'fixed',
  failedEventId: `SubscriptionCancellationFailed:${causationId}:S1`,
  subscriptionRef: 'S1',
  orderKey: '2checkout:m1:1000',
  merchantId: 'm1',
  provider: '2checkout',
  adapter: 'webhook',
  cause: 'chargeback_lost',
  causationId,
  idempotencyKey: 'k',
  occurredAt: 0,
});
/** JSON stands in for Avro: the decode is injected. */
const messages = (values: readonly (AvroRedriveCommand | string)[]): KafkaMessage[] =>
  values.map((v, i) => ({
    offset: String(i),
    key: Buffer.from('S1'),
    value: Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)),
    timestamp: '0',
    attributes: 0,
    headers: {},
  }));

function deps(calls: string[], overrides: Partial<RedriveDeps> = {}): RedriveDeps {
  const adapter: CancellationAdapter = {
    cancel: (request) => {
      calls.push(request.subscriptionRef);
      return Promise.resolve({ alreadyCancelled: false });
    },
  };
  return {
    decode: (value) => Promise.resolve(JSON.parse(value.toString('utf8')) as unknown),
    redriven: new Set(),
    merchants: new Map([['m1', merchantSettings()]]),
    adapterFor: () => adapter,
    completed: memoryCompleted(),
    retry: {
      maxAttempts: 1,
      initialDelayMs: 1,
      maxDelayMs: 1,
      maxTotalMs: 10,
      requestTimeoutMs: 1,
    },
    signal: new AbortController().signal,
    now: () => 0,
    sleep: () => Promise.resolve(),
    ...overrides,
  };
}
const source = { topic: 'subscriptions.cancellations.redrive', partition: 0 };

describe('processRedrives', () => {
  it('given two commands for one dead letter in a slice, then one call and one set of steps', async () => {
    const calls: string[] = [];
    const entries = await processRedrives(
      messages([command('cancellations-0-1'), command('cancellations-0-1')]),
      deps(calls),
    );
    expect(calls).toEqual(['S1']);
    expect(buildOutputs(entries, source).cancellations.map((e) => e.type)).toEqual([
      'SubscriptionCancellationRequested',
      'SubscriptionCancelled',
    ]);
  });

  it('given a subscription another cause cancelled meanwhile, then no call and no steps', async () => {
    const calls: string[] = [];
    const completed = memoryCompleted();
    await completed.record(
      { provider: '2checkout', merchantId: 'm1', subscriptionRef: 'S1' },
      { causationId: 'ev-other', attempts: 1, alreadyCancelled: false },
    );
    const entries = await processRedrives(messages([command('cancellations-0-1')]), {
      ...deps(calls),
      completed,
    });
    expect(calls).toEqual([]);
    expect(buildOutputs(entries, source).cancellations).toEqual([]);
  });

  it('given a cancellation an earlier redrive of another dead letter completed, then no call; the steps say cancelled', async () => {
    const calls: string[] = [];
    const completed = memoryCompleted();
    await completed.record(
      { provider: '2checkout', merchantId: 'm1', subscriptionRef: 'S1' },
      { causationId: 'ev-1', attempts: 2, alreadyCancelled: false },
    );
    const entries = await processRedrives(messages([command('cancellations-0-9')]), {
      ...deps(calls),
      completed,
    });
    expect(calls).toEqual([]);
    expect(buildOutputs(entries, source).cancellations.at(-1)).toMatchObject({
      type: 'SubscriptionCancelled',
      attempts: 2,
      redrive: { deadLetterId: 'cancellations-0-9' },
    });
  });

  it('given an unreadable command, then it is dead-lettered with its bytes and nothing is called', async () => {
    const calls: string[] = [];
    const entries = await processRedrives(
      messages([JSON.stringify({ ...command('x'), cause: 'boredom' })]),
      deps(calls),
    );
    const { deadLetters } = buildOutputs(entries, source);
    expect(calls).toEqual([]);
    expect(deadLetters.map((d) => [d.value.errorCode, d.value.stage])).toEqual([
      ['redrive_command_invalid', 'decode'],
    ]);
  });
});
