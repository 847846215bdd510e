import { createLogger } from '@clawback/logging';
import type { RawNotificationRecord } from '@clawback/notifications';
import {
  defaultLifecycleSettings,
  startOrderLifecycle,
  type RunningOrderLifecycle,
} from '@clawback/order-lifecycle';
import { kartraOutboundJson } from '@clawback/providers/testing';
import { AvroRegistry, loadSchemaFiles } from '@clawback/schema-registry';
import { createTestContext, waitFor, type TestContext } from '@clawback/test-harness';
import { parseTokens } from '../auth/tokens';
import { answerValidator } from '../openapi/answer-validator';
import type { openApiDocument } from '../openapi/openapi-document';
import type { caseView, deadLetterView } from '../http/views';
import type { TimelineEntry } from '../timeline/timeline-entry';
import { startAdmin, type RunningAdmin } from './start-admin';

jest.setTimeout(240_000);

const logger = createLogger({ service: 'admin-test', level: 'warn' });
/** A JSON answer as the tests read it. */
type Answer = Record<string, unknown> & {
  readonly status?: string;
  readonly commandId?: string;
  readonly resolutions?: unknown[];
};
type ShownCase = ReturnType<typeof caseView>;

const ALICE = 'alice-operator-token-0001';
const BOB = 'bob-viewer-token-000000001';
const WAIT = { timeoutMs: 90_000, intervalMs: 200 };

/** A Kartra wall-clock date (US Eastern, as Kartra writes it) an hour before `ms`. */
function kartraDate(ms: number): string {
  return new Date(ms - 3_600_000 - 5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

describe('the admin API on real Kafka, registry and a running order lifecycle', () => {
  let context: TestContext;
  let registry: AvroRegistry;
  let lifecycle: RunningOrderLifecycle | undefined;
  let admin: RunningAdmin | undefined;
  const answers: { path: string; method: string; status: number; body: unknown }[] = [];

  /** Calls the admin API and records the answer for the OpenAPI check. */
  async function call(
    method: string,
    path: string,
    template: string,
    init: { token?: string; body?: unknown } = {},
  ) {
    const response = await fetch(`${admin!.url}${path}`, {
      method,
      headers: {
        ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const body: unknown = response.headers.get('content-type')?.startsWith('application/json')
      ? await response.json()
      : await response.text();
    answers.push({ path: template, method, status: response.status, body });
    // The shapes are checked against the OpenAPI document in the last test.
    return { status: response.status, body: body as Answer };
  }

  async function produceRaw(records: readonly RawNotificationRecord[]): Promise<void> {
    const topic = context.topics.notificationsRaw;
    const schema = (await loadSchemaFiles()).find((f) => f.topic === 'payments.notifications.raw')!;
    await registry.register(topic, schema.schema);
    for (const value of records)
      await context.produce(topic, [
        { key: value.orderKey, value: await registry.encode(topic, value) },
      ]);
  }

  function kartra(
    ingressId: string,
    orderKey: string,
    body: Buffer | string,
    receivedAt: number,
  ): RawNotificationRecord {
    return {
      ingressId,
      provider: 'kartra',
      merchantId: 'm-1',
      orderKey,
      receivedAt,
      contentType: 'application/json',
      body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    };
  }

  beforeAll(async () => {
    // One partition: the orphan below becomes overdue as the later records move its watermark.
    context = await createTestContext({ partitions: 1 });
    registry = new AvroRegistry(context.config.schemaRegistry);
    const now = Date.now();
    const sale = kartraOutboundJson({
      action: 'buy_product',
      transactionId: 'S-1',
      amount: '10.00',
      date: kartraDate(now),
    });
    const overRefund = kartraOutboundJson({
      action: 'partial_refund_product',
      transactionId: 'R-1',
      parentId: 'S-1',
      amount: '15.00',
      date: kartraDate(now + 60_000),
    });
    const orphan = kartraOutboundJson({
      action: 'partial_refund_product',
      transactionId: 'R-9',
      parentId: 'S-9',
      amount: '12.00',
      date: kartraDate(now - 2 * 3_600_000),
    });
    const otherSale = kartraOutboundJson({
      action: 'buy_product',
      transactionId: 'S-2',
      amount: '20.00',
      date: kartraDate(now),
    });
    await produceRaw([
      kartra('i-0', 'kartra:m-1:S-9', orphan.body, now - 1),
      kartra('i-1', 'kartra:m-1:S-1', sale.body, now),
      kartra('i-2', 'kartra:m-1:S-1', overRefund.body, now + 1),
      kartra('i-3', 'kartra:m-1:BAD-1', 'this is not JSON', now + 2),
      kartra('i-4', 'kartra:m-1:S-2', otherSale.body, now + 3),
    ]);
    lifecycle = await startOrderLifecycle({
      config: context.config,
      settings: {
        ...defaultLifecycleSettings,
        topics: context.topics,
        groupId: context.groupId('order-lifecycle'),
        transactionalIdPrefix: context.transactionalIdPrefix,
        sessionTimeoutMs: 6_000,
        orphanHorizonMs: 3_600_000,
      },
      logger,
      redisKeyPrefix: `${context.config.redis.keyPrefix}${context.redisKeyPrefix}`,
    });
    admin = await startAdmin({
      config: context.config,
      settings: {
        host: '127.0.0.1',
        port: 0,
        tokens: parseTokens(`operator:alice:${ALICE},viewer:bob:${BOB}`),
        topics: context.topics,
        groupIdPrefix: context.groupId('admin'),
        transactionalIdPrefix: context.transactionalIdPrefix,
        commissionsUrl: null,
        writeTimeoutMs: 30_000,
      },
      logger,
    });
    await admin.whenCaughtUp;
  });

  afterAll(async () => {
    await admin?.close();
    await lifecycle?.stop();
    await context?.dispose();
  });

  const rawRecords = async () => {
    const records = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 30_000 });
    return Promise.all(
      records.map(async (r) => ({
        ...r,
        raw: await registry.decode<RawNotificationRecord>(r.value!),
      })),
    );
  };

  const casesOf = async (reason: string) =>
    (await call('GET', `/v1/cases?reason=${reason}`, '/v1/cases', { token: BOB })).body
      .cases as ShownCase[];

  it('given no token, a wrong token or a viewer resolving, when called, then 401 and 403 answer with the error shape', async () => {
    expect(await call('GET', '/v1/cases', '/v1/cases')).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    expect(await call('GET', '/v1/cases', '/v1/cases', { token: `${BOB}x` })).toMatchObject({
      status: 401,
    });
    const viewer = await call(
      'POST',
      '/v1/cases/case-0000000000000000/resolutions',
      '/v1/cases/{caseId}/resolutions',
      {
        token: BOB,
        body: { resolution: 'dismiss', reason: 'viewer tries' },
      },
    );
    expect(viewer).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await call('GET', '/healthz', '/healthz')).toMatchObject({ status: 200 });
  });

  it('given an over-refund rejected by the lifecycle, when an operator applies it, then exactly one command with the operator id is written and the remainder is applied', async () => {
    const [found] = await waitFor(
      async () => {
        const cases = await casesOf('over_refund');
        return cases.length === 1 && cases;
      },
      { ...WAIT, description: 'the over_refund case' },
    );
    const overRefund = found!;
    expect(overRefund).toMatchObject({
      orderKey: 'kartra:m-1:S-1',
      status: 'open',
      amounts: { currency: 'USD', amount: 1500 },
      allowedResolutions: ['apply', 'dismiss'],
    });
    const path = `/v1/cases/${overRefund.caseId}/resolutions`;
    const template = '/v1/cases/{caseId}/resolutions';
    expect(
      await call('POST', path, template, {
        token: ALICE,
        body: { resolution: 'attach', orderKey: 'kartra:m-1:S-2', reason: 'no' },
      }),
    ).toMatchObject({ status: 409, body: { error: 'resolution_not_allowed' } });
    expect(
      await call('POST', path, template, { token: ALICE, body: { resolution: 'apply' } }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });

    const accepted = await call('POST', path, template, {
      token: ALICE,
      body: { resolution: 'apply', reason: 'provider confirmed the refund' },
    });
    expect(accepted).toMatchObject({
      status: 202,
      body: { caseId: overRefund.caseId, orderKey: 'kartra:m-1:S-1' },
    });

    const commands = (await rawRecords()).filter(
      (r) =>
        r.raw.provider === 'operator' &&
        (JSON.parse(r.raw.body.toString()) as { caseId: string }).caseId === overRefund.caseId,
    );
    expect(commands).toHaveLength(1);
    expect(commands[0]!.raw.ingressId).toBe(accepted.body.commandId);
    expect(JSON.parse(commands[0]!.raw.body.toString())).toMatchObject({
      commandId: accepted.body.commandId,
      resolution: 'apply',
      operatorId: 'alice',
      reason: 'provider confirmed the refund',
      caseId: overRefund.caseId,
    });

    const resolved = await waitFor(
      async () => {
        const c = await call('GET', `/v1/cases/${overRefund.caseId}`, '/v1/cases/{caseId}', {
          token: BOB,
        });
        return c.body.status === 'resolved' && c.body;
      },
      { ...WAIT, description: 'the over_refund case resolved by the lifecycle' },
    );
    expect(resolved).toMatchObject({
      amounts: { amount: 1500, applied: 1000, excess: 500 },
      resolutions: [{ commandId: accepted.body.commandId, operatorId: 'alice', refusal: null }],
      allowedResolutions: [],
    });
    const again = await call('POST', path, template, {
      token: ALICE,
      body: { resolution: 'apply', reason: 'twice' },
    });
    expect(again).toMatchObject({ status: 409, body: { error: 'resolution_not_allowed' } });

    const timeline = await call('GET', '/v1/orders/kartra%3Am-1%3AS-1', '/v1/orders/{orderKey}', {
      token: BOB,
    });
    expect(timeline.status).toBe(200);
    const kinds = (timeline.body.entries as TimelineEntry[]).map((e) =>
      e.kind === 'notification'
        ? `${e.provider}:${e.outcome}`
        : e.kind === 'event'
          ? e.type
          : e.kind,
    );
    // Raw records were written before the lifecycle read them, events after; the command last.
    expect(kinds).toEqual([
      'kartra:applied',
      'kartra:rejected',
      'OrderPaid',
      'NotificationRejected',
      'operator:applied',
      'RefundApplied',
    ]);
    // Each notification names its kind, amount and signature scheme; the command is `operator`.
    const notifications = (timeline.body.entries as TimelineEntry[]).flatMap((e) =>
      e.kind === 'notification'
        ? [[e.notificationKind, e.amount, e.currency, e.signatureScheme]]
        : [],
    );
    expect(notifications).toEqual([
      ['payment_completed', 1000, 'USD', 'url-token'],
      ['refund', 1500, 'USD', 'url-token'],
      [null, null, null, 'operator'],
    ]);
    expect(
      await call('GET', '/v1/orders/kartra:m-1:nope', '/v1/orders/{orderKey}', { token: BOB }),
    ).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  it('given a dead-lettered notification, when an operator redrives it, then its raw record is republished with the redrive headers', async () => {
    const [first] = await waitFor(
      async () => {
        const list = await call('GET', '/v1/dead-letters?queue=raw', '/v1/dead-letters', {
          token: BOB,
        });
        const shown = list.body.deadLetters as ReturnType<typeof deadLetterView>[];
        return shown.length > 0 && shown;
      },
      { ...WAIT, description: 'the raw dead letter' },
    );
    const deadLetter = first!;
    expect(deadLetter).toMatchObject({
      queue: 'raw',
      orderKey: 'kartra:m-1:BAD-1',
      errorCode: 'malformed_body',
    });
    expect(Buffer.from(deadLetter.raw!.body, 'base64').toString()).toBe('this is not JSON');
    expect(
      await call('GET', `/v1/dead-letters/${deadLetter.id}`, '/v1/dead-letters/{id}', {
        token: BOB,
      }),
    ).toMatchObject({
      status: 200,
      body: { id: deadLetter.id },
    });
    const redriven = await call(
      'POST',
      `/v1/dead-letters/${deadLetter.id}/redrive`,
      '/v1/dead-letters/{id}/redrive',
      {
        token: ALICE,
        body: { reason: 'adapter fixed' },
      },
    );
    expect(redriven).toMatchObject({ status: 202, body: { deadLetterId: deadLetter.id } });
    const copies = (await rawRecords()).filter(
      (r) => r.headers?.['clawback-redrive-of'] !== undefined,
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]!.headers!['clawback-redrive-of']!.toString()).toBe(deadLetter.id);
    expect(copies[0]!.headers!['clawback-operator']!.toString()).toBe('alice');
    expect(copies[0]!.raw).toMatchObject({ ingressId: 'i-3', orderKey: 'kartra:m-1:BAD-1' });
    expect(copies[0]!.raw.body.toString()).toBe('this is not JSON');
    const caseOfIt = await waitFor(
      async () => {
        const c = await call('GET', `/v1/cases/${deadLetter.caseId}`, '/v1/cases/{caseId}', {
          token: BOB,
        });
        return c.body.status === 'resolved' && c.body;
      },
      { ...WAIT, description: 'the dead letter case resolved by its redrive' },
    );
    expect(caseOfIt.resolutions).toMatchObject([
      { resolution: 'redrive', operatorId: 'alice', reason: 'adapter fixed' },
    ]);
  });

  it('given an overdue orphan refund, when an operator attaches it to its order, then it is applied there and released from its own order', async () => {
    const [found] = await waitFor(
      async () => {
        const cases = await casesOf('overdue');
        return cases.length === 1 && cases;
      },
      { ...WAIT, description: 'the overdue case' },
    );
    const overdue = found!;
    expect(overdue).toMatchObject({
      kind: 'overdue',
      orderKey: 'kartra:m-1:S-9',
      amounts: { amount: 1200 },
      allowedResolutions: ['attach', 'dismiss'],
    });
    const accepted = await call(
      'POST',
      `/v1/cases/${overdue.caseId}/resolutions`,
      '/v1/cases/{caseId}/resolutions',
      {
        token: ALICE,
        body: { resolution: 'attach', orderKey: 'kartra:m-1:S-2', reason: 'buyer named S-2' },
      },
    );
    expect(accepted).toMatchObject({ status: 202, body: { orderKey: 'kartra:m-1:S-2' } });
    const resolved = await waitFor(
      async () => {
        const c = await call('GET', `/v1/cases/${overdue.caseId}`, '/v1/cases/{caseId}', {
          token: BOB,
        });
        return c.body.status === 'resolved' && c.body;
      },
      { ...WAIT, description: 'the overdue case resolved by the attach' },
    );
    expect(resolved).toMatchObject({
      amounts: { applied: 1200, excess: 0 },
      resolutions: [{ resolution: 'attach', orderKey: 'kartra:m-1:S-2', operatorId: 'alice' }],
    });
    const target = await call('GET', '/v1/orders/kartra:m-1:S-2', '/v1/orders/{orderKey}', {
      token: BOB,
    });
    expect(target.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'event',
          type: 'RefundApplied',
          amount: 1200,
          causationId: accepted.body.commandId,
        }),
      ]),
    );
    const source = await call('GET', '/v1/orders/kartra:m-1:S-9', '/v1/orders/{orderKey}', {
      token: BOB,
    });
    const release = (source.body.entries as TimelineEntry[]).find(
      (e) => e.kind === 'notification' && e.operatorCommand?.resolution === 'dismiss',
    );
    expect(release).toMatchObject({
      operatorCommand: { caseId: `${overdue.caseId}/release`, operatorId: 'alice' },
    });
  });

  it('given the running service, when its metrics and readiness are read, then the case figures are served', async () => {
    expect(await call('GET', '/readyz', '/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
    const metrics = await fetch(`${admin!.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^clawback_cases_oldest_open_age_seconds\{service="admin"\} \d+$/m);
    expect(metrics).toMatch(/^clawback_admin_projection_caught_up\{service="admin"\} 1$/m);
    // The open-case gauge agrees with the open cases listed (the redriven copy of the malformed
    // notification is dead-lettered again, so wait until both views have read it).
    await waitFor(
      async () => {
        const text = await fetch(`${admin!.url}/metrics`).then((r) => r.text());
        const gauge = [
          ...text.matchAll(/^clawback_cases_open\{reason="([^"]+)",service="admin"\} (\d+)$/gm),
        ]
          .map((m) => `${m[1]}=${m[2]}`)
          .sort();
        const open = (await call('GET', '/v1/cases?status=open', '/v1/cases', { token: BOB })).body
          .cases as ShownCase[];
        const counted = [...new Set(open.map((c) => c.reasonCode))]
          .map((r) => `${r}=${open.filter((c) => c.reasonCode === r).length}`)
          .sort();
        return gauge.length > 0 && JSON.stringify(gauge) === JSON.stringify(counted);
      },
      { ...WAIT, description: 'clawback_cases_open equal to the open cases listed' },
    );
  });

  it('given every answer of these tests, when validated against the served OpenAPI document, then each matches its schema', async () => {
    const document = (await fetch(`${admin!.url}/openapi.json`).then((r) =>
      r.json(),
    )) as ReturnType<typeof openApiDocument>;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/notifications/{provider}/{merchantId}']),
    );
    const check = answerValidator(document);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([200, 202, 400, 401, 403, 404, 409]),
    );
    const failures = answers
      .map((a) => ({ ...a, result: check(a.path, a.method, a.status, a.body) }))
      .filter((a) => !a.result.valid)
      .map((a) => `${a.method} ${a.path} ${a.status}: ${a.result.errors}`);
    expect(failures).toEqual([]);
  });
});
