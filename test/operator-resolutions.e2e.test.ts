// Issue 10 §2-3, end to end from HTTP: exceptions become cases in the admin API and operators
// resolve them through the real `clawback` CLI (a child process) against the real admin
// service; the effects are ordinary lifecycle events that commission-reversals acts on, and a
// replay of the raw log reproduces every event byte for byte.
import { randomUUID } from 'node:crypto';
import { kartraOutboundJson, type TwoCheckoutIpnInput } from '@clawback/providers/testing';
import { waitFor } from '@clawback/test-harness';
import { clawback } from './support/clawback-cli';
import { eventRows } from './support/event-rows';
import { oneLineIpn } from './support/one-line-ipn';
import { adjustmentRow, adjustmentsOfOrder, eventsOfOrder } from './support/order-outputs';
import { type Pipeline, startPipeline } from './support/pipeline';
import { replayLifecycle } from './support/replay';
import { keyed, waitForGroupToCatchUp } from './support/topic-readers';

const KARTRA = 'e2e-ops-kartra';
const TCO = 'e2e-ops-2co';
const KARTRA_TOKEN = 'e2e-kartra-url-token-ops';
const TCO_SECRET = 'e2e-2checkout-secret-key';
const OPERATOR = 'e2e-operator-token-0000001';
const VIEWER = 'e2e-viewer-token-000000001';
const HOUR = 3_600_000;

const kartraRoute = { provider: 'kartra', merchantId: KARTRA, query: `?token=${KARTRA_TOKEN}` };
const tcoRoute = { provider: '2checkout', merchantId: TCO } as const;
const tco = (
  refno: string,
  amount: string,
  ipnDate: string,
  extra: Partial<TwoCheckoutIpnInput> = {},
) => oneLineIpn(TCO_SECRET, refno, amount, ipnDate, { affiliateCode: 'aff-ops', ...extra });

interface ApiCase {
  readonly caseId: string;
  readonly status: string;
  readonly reasonCode: string;
  readonly amounts: { applied: number; excess: number | null };
  readonly resolutions: readonly { commandId: string; operatorId: string; eventIds: string[] }[];
}

describe('operator resolutions through the clawback CLI (ingress, lifecycle, commissions, admin)', () => {
  let pipeline: Pipeline;
  let adminUrl: string;
  /** The CLI as the operator alice (default), the viewer bob, or with no token (`null`). */
  const cli = (args: string[], token: string | null = OPERATOR) =>
    clawback(adminUrl, token ?? undefined, args);

  /** Waits until the admin API lists exactly one case matching `query`, and returns it. */
  const theCase = (query: string) =>
    waitFor(
      async () => {
        const response = await fetch(`${adminUrl}/v1/cases?${query}`, {
          headers: { authorization: `Bearer ${VIEWER}` },
        });
        const { cases } = (await response.json()) as { cases: ApiCase[] };
        return cases.length === 1 ? cases[0] : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: `a case for ${query}` },
    );

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: {
        [KARTRA]: {
          kartra: { secretKey: 'e2e-kartra-ipn-secret', urlToken: KARTRA_TOKEN },
          commission: { defaultRate: '0.30' },
        },
        [TCO]: { '2checkout': { secretKey: TCO_SECRET }, commission: { defaultRate: '0.30' } },
      },
      downstream: ['commission-reversals', 'admin'],
      // One partition and a one-hour horizon: a later-dated notification makes a parked refund
      // overdue whatever its order key hashes to.
      partitions: 1,
      env: {
        LIFECYCLE_ORPHAN_HORIZON_MS: String(HOUR),
        ADMIN_TOKENS: `operator:alice:${OPERATOR},viewer:bob:${VIEWER}`,
      },
    });
    adminUrl = pipeline.adminUrl!;
  });
  afterAll(() => pipeline?.stop());

  it('given a Kartra JSON partial refund that names no parent order, when it is overdue, then it is a case, and attached by an operator through the CLI its refund applies to the sale and the commission is reversed', async () => {
    const saleKey = `kartra:${KARTRA}:5001`;
    const orphanKey = `kartra:${KARTRA}:5002`;
    const posts = [
      kartraOutboundJson({
        action: 'buy_product',
        transactionId: '5001',
        amount: '100.00',
        affiliate: 'aff-k',
        date: '2026-03-10 10:00:00',
      }),
      // No transaction_parent_id: the refund lands on an order of its own, 5002, and parks.
      kartraOutboundJson({
        action: 'partial_refund_product',
        transactionId: '5002',
        amount: '20.00',
        date: '2026-03-11 10:00:00',
      }),
      // Three hours later in provider time: past the horizon, so the refund is reported overdue.
      kartraOutboundJson({
        action: 'buy_product',
        transactionId: '5003',
        amount: '5.00',
        date: '2026-03-11 13:00:00',
      }),
    ];
    for (const body of posts) expect((await pipeline.post(kartraRoute, body)).status).toBe(200);

    const orphan = await theCase(`orderKey=${encodeURIComponent(orphanKey)}`);
    expect(orphan).toMatchObject({ status: 'open', reasonCode: 'overdue' });
    const listed = await cli(['cases', '--status', 'open', '--merchant', KARTRA]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${orphan.caseId}\\s+open\\s+overdue\\s+overdue\\s+${orphanKey}\\s+20\\.00 USD`,
        'm',
      ),
    );

    const resolved = await cli([
      'resolve',
      orphan.caseId,
      'attach',
      saleKey,
      '--reason',
      'buyer sent the order number',
    ]);
    expect(resolved).toMatchObject({ code: 0, stderr: '' });
    expect(resolved.stdout).toMatch(
      new RegExp(`^attach of ${orphan.caseId} on ${saleKey}: events op-[0-9a-f-]+#0$`, 'm'),
    );
    expect(resolved.stdout).toMatch(/^status\s+resolved$/m);

    const events = await eventsOfOrder(pipeline, saleKey, 2);
    // 10000 paid − 2000 refunded = 8000 remaining; caused by the operator's command.
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 10000 },
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 2000,
        refundedTotal: 2000,
        remaining: 8000,
        kind: 'partial',
      },
    ]);
    const after = await theCase(`orderKey=${encodeURIComponent(orphanKey)}`);
    expect(events[1]!.causationId).toBe(after.resolutions[0]!.commandId);
    expect(after.resolutions[0]!.operatorId).toBe('alice');
    // Earned 10000 × 0.30 = 3000; the refund reverses 3000 × 2000/10000 = 600.
    expect((await adjustmentsOfOrder(pipeline, saleKey, 2)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 3000, 0],
      ['CommissionReversed', 'refund_partial', -600, 600],
    ]);

    const timeline = await cli(['order', saleKey]);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toMatch(/^\S+\s+event\s+RefundApplied\s+20\.00 USD\s/m);
    expect(timeline.stdout).toMatch(
      /^\S+\s+commission_adjustment\s+CommissionReversed\s+-6\.00 USD\s/m,
    );
  });

  it('given an over-refund case, when an operator applies it through the CLI, then the remainder applies (full), the excess stays on the case and the commission is reversed in full', async () => {
    const refno = '75000001';
    const orderKey = `2checkout:${TCO}:${refno}`;
    for (const body of [
      tco(refno, '100.00', '20260312100000'),
      tco(refno, '60.00', '20260313100000', { status: 'REFUND' }),
      tco(refno, '70.00', '20260314100000', { status: 'REFUND' }),
    ])
      expect((await pipeline.post(tcoRoute, body)).status).toBe(200);

    const overRefund = await theCase(`orderKey=${encodeURIComponent(orderKey)}`);
    expect(overRefund).toMatchObject({ status: 'open', reasonCode: 'over_refund' });
    const shown = await cli(['case', overRefund.caseId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^amount\s+70\.00 USD$/m);
    expect(shown.stdout).toMatch(/^may resolve\s+apply, dismiss$/m);

    const resolved = await cli([
      'resolve',
      overRefund.caseId,
      'apply',
      '--reason',
      'provider refunded it; remainder only',
    ]);
    expect(resolved).toMatchObject({ code: 0, stderr: '' });
    // 7000 asked, 4000 remained: 4000 applied, 3000 excess stays on the case.
    expect(resolved.stdout).toMatch(/^applied\s+40\.00 USD$/m);
    expect(resolved.stdout).toMatch(/^excess\s+30\.00 USD$/m);

    const events = await eventsOfOrder(pipeline, orderKey, 4);
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 10000 },
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 6000,
        refundedTotal: 6000,
        remaining: 4000,
        kind: 'partial',
      },
      {
        sequence: 3,
        type: 'NotificationRejected',
        currency: 'USD',
        amount: 7000,
        reason: 'over_refund',
      },
      {
        sequence: 4,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 4000,
        refundedTotal: 10000,
        remaining: 0,
        kind: 'full',
      },
    ]);
    // Earned 3000; 60 % refunded reverses 1800; the full refund reverses the other 1200.
    expect((await adjustmentsOfOrder(pipeline, orderKey, 3)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 3000, 0],
      ['CommissionReversed', 'refund_partial', -1800, 1800],
      ['CommissionReversed', 'refund_full', -1200, 3000],
    ]);
  });

  it('given a dead-lettered sale, when an operator redrives it through the CLI, then it applies once; redriven again, nothing more happens', async () => {
    const refno = '75000002';
    const orderKey = `2checkout:${TCO}:${refno}`;
    const { context, registry, env } = pipeline;
    // A producer with a keying bug wrote the sale under the wrong record key: the lifecycle
    // dead-letters it (order_key_mismatch) rather than decide it on another order's partition
    // state. A redrive writes the same value under its own order key, which is the fix.
    const body = tco(refno, '40.00', '20260315100000');
    const value = await registry.encode(context.topics.notificationsRaw, {
      ingressId: randomUUID(),
      provider: '2checkout',
      merchantId: TCO,
      orderKey,
      receivedAt: Date.now(),
      contentType: body.contentType,
      body: body.body,
    });
    await context.produce(context.topics.notificationsRaw, [{ key: 'not-the-order-key', value }]);

    const deadLetter = await theCase(`orderKey=${encodeURIComponent(orderKey)}`);
    expect(deadLetter).toMatchObject({ status: 'open', reasonCode: 'order_key_mismatch' });
    const dlq = await cli(['dlq', 'raw'], VIEWER);
    expect(dlq.code).toBe(0);
    const row = new RegExp(
      `^(raw-\\d+-\\d+)\\s+raw\\s+${deadLetter.caseId}\\s+${orderKey}\\s+order_key_mismatch\\s`,
      'm',
    ).exec(dlq.stdout);
    expect(row).not.toBeNull();
    const deadLetterId = row![1]!;

    const first = await cli(['redrive', deadLetterId, '--reason', 'producer keying fixed']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(`^redrive redrive-\\d+-\\d+ of ${deadLetterId} written`),
    );
    const events = await eventsOfOrder(pipeline, orderKey, 1);
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 4000 },
    ]);

    const second = await cli(['redrive', deadLetterId, '--reason', 'clicked twice']);
    expect(second.code).toBe(0);
    // Both redrives are on the raw topic, and the lifecycle has read past the second one.
    const raw = await context.readAll(context.topics.notificationsRaw, {
      until: (records) => keyed(records, orderKey).length >= 2,
      timeoutMs: 60_000,
    });
    expect(keyed(raw, orderKey)).toHaveLength(2);
    await waitForGroupToCatchUp(context, env.LIFECYCLE_GROUP_ID!, context.topics.notificationsRaw);
    const all = await context.readAll(context.topics.lifecycleEvents, { timeoutMs: 30_000 });
    expect(keyed(all, orderKey)).toHaveLength(1);
    // Earned once: 4000 × 0.30 = 1200.
    expect((await adjustmentsOfOrder(pipeline, orderKey, 1)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 1200, 0],
    ]);
    expect(await theCase(`orderKey=${encodeURIComponent(orderKey)}`)).toMatchObject({
      status: 'resolved',
    });
  });

  it('given no token, a viewer and an operator, when they use the CLI, then the answers and exit codes follow the roles', async () => {
    const anyCase = await theCase(`reason=over_refund&merchant=${TCO}`);

    const anonymous = await cli(['cases'], null);
    expect(anonymous).toMatchObject({ code: 2, stdout: '' });
    expect(anonymous.stderr).toMatch(/^clawback: HTTP 401 unauthorized: /);

    const viewerReads = await cli(['cases', '--reason', 'over_refund', '--json'], VIEWER);
    expect(viewerReads.code).toBe(0);
    expect(
      (JSON.parse(viewerReads.stdout) as { cases: ApiCase[] }).cases.map((c) => c.caseId),
    ).toEqual([anyCase.caseId]);

    const viewerResolves = await cli(
      ['resolve', anyCase.caseId, 'dismiss', '--reason', 'tidy up'],
      VIEWER,
    );
    expect(viewerResolves.code).toBe(2);
    expect(viewerResolves.stderr).toMatch(/^clawback: HTTP 403 forbidden: bob is a viewer/);

    // The operator may resolve, but not a case that is no longer open.
    const again = await cli(['resolve', anyCase.caseId, 'dismiss', '--reason', 'tidy up']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^clawback: HTTP 409 resolution_not_allowed: /);
    const unknown = await cli(['case', 'case-0000000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^clawback: HTTP 404 not_found: /);
    const usage = await cli(['resolve', anyCase.caseId, 'dismiss']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/resolve needs --reason/);

    const closedPort = await clawback('http://127.0.0.1:9', OPERATOR, ['cases']);
    expect(closedPort.code).toBe(3);
    expect(closedPort.stderr).toMatch(/no answer/);
  });

  it('given everything above, when lifecycle:replay rebuilds from the raw topic, then its events equal the originals byte for byte', async () => {
    // The last write to the raw topic was the admin service's (transactional) redrive, so a
    // partition ends in a commit marker: the replay must finish all the same.
    const { code, stdout, stderr } = await replayLifecycle(pipeline);
    // The replay's own log lines (stderr) show up in the failure message if it does not exit 0.
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('result: replayed events equal the originals');
  });
});
