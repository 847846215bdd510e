import { buildOutputs } from '../batch/build-outputs';
import { merchantSettings } from '../testing/merchant-settings';
import { planRedrive } from './plan-redrive';
import { type AvroRedriveCommand, fromAvroRedrive } from './redrive-command';

const avro: AvroRedriveCommand = {
  deadLetterId: 'cancellations-0-7',
  operatorId: 'alice',
  reason: 'receiver fixed',
  failedEventId: 'SubscriptionCancellationFailed:ev-1:S1',
  subscriptionRef: 'S1',
  orderKey: '2checkout:m1:1000',
  merchantId: 'm1',
  provider: '2checkout',
  adapter: 'kartra',
  cause: 'chargeback_lost',
  causationId: 'ev-1',
  idempotencyKey: 'k'.repeat(64),
  occurredAt: Date.UTC(2026, 0, 2, 3, 4, 5),
};
const command = fromAvroRedrive(avro);

describe('planRedrive', () => {
  it('given a dead letter not redriven yet, when planned, then the failed request is attempted again with its keys and the merchant’s current adapter', () => {
    expect(planRedrive(command, merchantSettings(), new Set())).toEqual({
      kind: 'redrive',
      request: {
        subscriptionRef: 'S1',
        orderKey: '2checkout:m1:1000',
        merchantId: 'm1',
        provider: '2checkout',
        adapter: 'webhook',
        cause: 'chargeback_lost',
        causationId: 'ev-1',
        idempotencyKey: 'k'.repeat(64),
        occurredAt: '2026-01-02T03:04:05.000Z',
        redrive: {
          deadLetterId: 'cancellations-0-7',
          operatorId: 'alice',
          reason: 'receiver fixed',
        },
      },
    });
  });

  it('given a dead letter an earlier command redrove, when planned, then nothing is attempted', () => {
    expect(planRedrive(command, merchantSettings(), new Set(['cancellations-0-7']))).toEqual({
      kind: 'ignore',
      reason: 'already_redriven',
    });
  });

  it('given a merchant without a cancellation target, when planned, then nothing is attempted', () => {
    expect(planRedrive(command, merchantSettings({ target: undefined }), new Set())).toEqual({
      kind: 'ignore',
      reason: 'merchant_not_configured',
    });
    expect(planRedrive(command, undefined, new Set()).kind).toBe('ignore');
  });
});

describe('fromAvroRedrive', () => {
  it.each([
    ['no dead-letter id', { deadLetterId: '' }],
    ['an unknown provider', { provider: 'paypal' }],
    ['an unknown cause', { cause: 'boredom' }],
  ])('given %s, then it is refused as redrive_command_invalid', (_name, change) => {
    expect(() => fromAvroRedrive({ ...avro, ...change })).toThrow(
      expect.objectContaining({ code: 'redrive_command_invalid' }),
    );
  });
});

describe('buildOutputs of a redrive', () => {
  it('gives steps with ids of their own and the redrive’s origin, so the failed attempt’s ids never repeat', () => {
    const plan = planRedrive(command, merchantSettings(), new Set());
    if (plan.kind !== 'redrive') throw new Error('expected a redrive');
    const outputs = buildOutputs(
      [
        {
          kind: 'delivered',
          offset: '3',
          eventId: 'redrive:cancellations-0-7',
          delivered: [
            {
              request: plan.request,
              outcome: {
                kind: 'cancelled',
                attempts: 1,
                alreadyCancelled: false,
                fromRecord: false,
              },
            },
          ],
        },
      ],
      { topic: 'subscriptions.cancellations.redrive', partition: 0 },
    );
    expect(outputs.deadLetters).toEqual([]);
    expect(outputs.cancellations.map((e) => [e.eventId, e.redrive?.operatorId])).toEqual([
      ['SubscriptionCancellationRequested:ev-1:S1:redrive:cancellations-0-7', 'alice'],
      ['SubscriptionCancelled:ev-1:S1:redrive:cancellations-0-7', 'alice'],
    ]);
  });
});
