import { parseTokens, startAdmin, type RunningAdmin } from '@clawback/admin';
import { createLogger } from '@clawback/logging';
import { deleteKeysByPrefix } from '@clawback/redis';
import { waitFor } from '@clawback/test-harness';
import type { CancellationEvent } from '../events/cancellation-event';
import { redriveGroupId } from '../consumer/task-inputs';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from '../testing/cancellations-fixture';
import { chargebackLost } from '../testing/lifecycle-events';
import { type WebhookReceiver, startWebhookReceiver } from '../testing/webhook-receiver';

jest.setTimeout(240_000);

const SECRET = 'whsec_redrive_test';
const OPERATOR = 'alice-operator-token-0001';
const WAIT = { timeoutMs: 90_000, intervalMs: 200 };

describe('redrive of a cancellation dead letter (real Kafka, registry, Redis; admin API)', () => {
  let fixture: CancellationsFixture;
  let hook: WebhookReceiver;
  let admin: RunningAdmin | undefined;
  let failing = true;

  beforeAll(async () => {
    fixture = await createCancellationsFixture([
      'notificationsRaw',
      'notificationsDlq',
      'commissionAdjustments',
    ]);
    hook = await startWebhookReceiver(SECRET, () => (failing ? 503 : 200));
  });
  afterAll(async () => {
    await admin?.close();
    await fixture?.dispose();
    await hook?.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${admin!.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${OPERATOR}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** Waits until the service committed the command of `redriveId` (`redrive-cancellations-{p}-{o}`). */
  const redriveConsumed = async (redriveId: string) => {
    const [partition, offset] = redriveId.split('-').slice(-2).map(Number);
    const topic = fixture.ctx.topics.cancellationsRedrive;
    const groupId = redriveGroupId(fixture.settings.groupId);
    await waitFor(
      async () => {
        const [committed] = await fixture.ctx.admin.fetchOffsets({ groupId, topics: [topic] });
        const at = committed?.partitions.find((p) => p.partition === partition);
        return at !== undefined && Number(at.offset) > offset!;
      },
      { ...WAIT, description: `the redrive command ${redriveId} to be committed` },
    );
  };
  const redriven = (events: readonly CancellationEvent[]) => events.filter((e) => e.redrive);

  it('a failed cancellation is dead-lettered, redriven once through the admin API, and its case resolved', async () => {
    const merchants = {
      hooks: {
        click2sell: { secretKey: 'c2s' },
        cancellation: { adapter: 'webhook', webhook: { url: `${hook.url}/hooks`, secret: SECRET } },
      },
    };
    const service = await fixture.start(merchants);
    await fixture.produce([chargebackLost({ merchantId: 'hooks', subscriptionRefs: ['SUB-R'] })]);
    await fixture.consumedAll();
    const [deadLetter] = await fixture.deadLetters();
    expect(deadLetter).toMatchObject({ stage: 'cancel', errorCode: 'receiver_unavailable' });
    const failedCalls = hook.verified.length;
    expect(failedCalls).toBe(fixture.settings.retry.maxAttempts);

    admin = await startAdmin({
      config: fixture.ctx.config,
      settings: {
        host: '127.0.0.1',
        port: 0,
        tokens: parseTokens(`operator:alice:${OPERATOR}`),
        topics: fixture.ctx.topics,
        groupIdPrefix: fixture.ctx.groupId('admin'),
        transactionalIdPrefix: fixture.ctx.transactionalIdPrefix,
        commissionsUrl: null,
        writeTimeoutMs: 30_000,
      },
      logger: createLogger({ service: 'admin-test', level: 'warn' }),
    });
    await admin.whenCaughtUp;
    const listed = await call('GET', '/v1/dead-letters?queue=cancellations');
    const [shown] = listed.body.deadLetters as { id: string; caseId: string }[];
    expect(shown).toBeDefined();

    // The receiver is fixed; the operator redrives.
    failing = false;
    const first = await call('POST', `/v1/dead-letters/${shown!.id}/redrive`, {
      reason: 'receiver fixed',
    });
    expect(first).toEqual({
      status: 202,
      body: {
        redriveId: expect.stringMatching(/^redrive-cancellations-/),
        deadLetterId: shown!.id,
      },
    });
    await waitFor(
      async () =>
        redriven(await fixture.cancellations()).some((e) => e.type === 'SubscriptionCancelled'),
      { ...WAIT, description: 'the redriven cancellation' },
    );
    expect(hook.verified.length - failedCalls).toBe(1);
    const steps = redriven(await fixture.cancellations());
    expect(steps.map((e) => e.type)).toEqual([
      'SubscriptionCancellationRequested',
      'SubscriptionCancelled',
    ]);
    expect(steps[1]).toMatchObject({
      subscriptionRef: 'SUB-R',
      attempts: 1,
      redrive: { deadLetterId: shown!.id, operatorId: 'alice', reason: 'receiver fixed' },
    });
    // The receiver got the failed attempt's idempotency key: it could dedupe it, too.
    expect(hook.verified.at(-1)!.idempotencyKey).toBe(deadLetter!.cancellation!.idempotencyKey);
    await waitFor(
      async () => (await call('GET', `/v1/cases/${shown!.caseId}`)).body.status === 'resolved',
      { ...WAIT, description: 'the case to be resolved' },
    );

    // A second redrive of the same dead letter is accepted and does nothing more.
    const second = await call('POST', `/v1/dead-letters/${shown!.id}/redrive`, { reason: 'again' });
    expect(second.status).toBe(202);
    await redriveConsumed(second.body.redriveId as string);
    expect(hook.verified.length - failedCalls).toBe(1);
    expect(redriven(await fixture.cancellations())).toHaveLength(2);
    expect(await fixture.deadLetters()).toHaveLength(1);

    // After a restart (and a lost Redis), the service reads which dead letters were redriven
    // back from the redrive topic: a third redrive does nothing either.
    await service.stop();
    expect(await deleteKeysByPrefix(await fixture.ctx.redis(), '')).toBeGreaterThan(0);
    await fixture.start(merchants);
    const third = await call('POST', `/v1/dead-letters/${shown!.id}/redrive`, { reason: 'third' });
    await redriveConsumed(third.body.redriveId as string);
    expect(hook.verified.length - failedCalls).toBe(1);
    expect(redriven(await fixture.cancellations())).toHaveLength(2);
  });
});
