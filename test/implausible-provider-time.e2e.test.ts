// ADR 0020, end to end from HTTP: a signed 2Checkout REFUND IPN dated year 9999 is a money fact.
// The real ingress accepts it (200), the order lifecycle applies it at the ingress's receivedAt
// with a provider-time warning, commission-reversals reverses its share, the admin API lists a
// provider_time_implausible case that only `dismiss` resolves, and a replay of the raw log
// reproduces every event byte for byte.
import { waitFor } from '@clawback/test-harness';
import { eventRows } from './support/event-rows';
import { oneLineIpn } from './support/one-line-ipn';
import { adjustmentRow, adjustmentsOfOrder, eventsOfOrder } from './support/order-outputs';
import { type Pipeline, startPipeline } from './support/pipeline';
import { replayLifecycle } from './support/replay';

const MERCHANT = 'e2e-time';
const SECRET = 'e2e-2checkout-secret-time';
const OPERATOR = 'e2e-operator-token-time-01';
const VIEWER = 'e2e-viewer-token-time-0001';
const route = { provider: '2checkout', merchantId: MERCHANT } as const;
const DAY = 86_400_000;

interface ApiCase {
  readonly caseId: string;
  readonly kind: string;
  readonly status: string;
  readonly reasonCode: string;
  readonly subjectId: string;
  readonly detail: string;
  readonly amounts: { currency: string | null; amount: number | null };
}

describe('an implausible provider time, from HTTP (ingress, lifecycle, commissions, admin)', () => {
  let pipeline: Pipeline;
  let adminUrl: string;
  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${adminUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: {
        [MERCHANT]: { '2checkout': { secretKey: SECRET }, commission: { defaultRate: '0.30' } },
      },
      downstream: ['commission-reversals', 'admin'],
      partitions: 1,
      env: { ADMIN_TOKENS: `operator:alice:${OPERATOR},viewer:bob:${VIEWER}` },
    });
    adminUrl = pipeline.adminUrl!;
  });
  afterAll(() => pipeline?.stop());

  it('given a sale, when a signed REFUND IPN dated 9999-12-31 arrives, then it is accepted, applied at its receipt with a warning, its commission is reversed and a case opens that only dismiss resolves', async () => {
    const refno = '75000001';
    const orderKey = `2checkout:${MERCHANT}:${refno}`;
    const sale = oneLineIpn(SECRET, refno, '100.00', '20260310100000', {
      affiliateCode: 'aff-time',
    });
    expect((await pipeline.post(route, sale)).status).toBe(200);
    const before = Date.now();
    const refund = oneLineIpn(SECRET, refno, '-25.00', '99991231235959', { status: 'REFUND' });
    const answer = await pipeline.post(route, refund);
    const after = Date.now();
    // Before ADR 0020: 400 implausible_provider_time, retried by 2Checkout for days, then lost.
    expect(answer.status).toBe(200);

    const events = await eventsOfOrder(pipeline, orderKey, 2);
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 10000 },
      // 10000 − 2500 = 7500
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 2500,
        refundedTotal: 2500,
        remaining: 7500,
        kind: 'partial',
      },
    ]);
    const applied = events[1]!;
    // Placed at the ingress's receivedAt (stamped between the two clock readings), never 9999.
    const at = Date.parse(applied.occurredAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
    expect(applied.providerTimeWarning).toEqual({
      code: 'provider_time_implausible',
      providerTime: '9999-12-31T23:59:59Z',
      detail: expect.stringContaining('9999-12-31T23:59:59Z'),
    });
    expect(events[0]!.providerTimeWarning).toBeUndefined();
    expect(at).toBeLessThan(Date.now() + DAY);

    // Earned 10000 × 0.30 = 3000; the refund reverses 3000 × 2500/10000 = 750.
    expect((await adjustmentsOfOrder(pipeline, orderKey, 2)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 3000, 0],
      ['CommissionReversed', 'refund_partial', -750, 750],
    ]);

    const query = `reason=provider_time_implausible&orderKey=${encodeURIComponent(orderKey)}`;
    const theCase = await waitFor(
      async () => {
        const { cases } = (await (await api(`/v1/cases?${query}`, VIEWER)).json()) as {
          cases: ApiCase[];
        };
        return cases.length === 1 ? cases[0] : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: 'the provider_time_implausible case' },
    );
    expect(theCase).toMatchObject({
      kind: 'provider_time',
      status: 'open',
      reasonCode: 'provider_time_implausible',
      subjectId: applied.causationId,
      amounts: { currency: 'USD', amount: 2500 },
    });
    expect(theCase.detail).toContain('9999-12-31T23:59:59Z');

    const resolve = (resolution: string) =>
      api(`/v1/cases/${theCase.caseId}/resolutions`, OPERATOR, {
        method: 'POST',
        body: JSON.stringify({ resolution, reason: 'provider clock reset; refund confirmed' }),
      });
    // The refund is applied already: applying it again would refund twice.
    const apply = await resolve('apply');
    expect(apply.status).toBe(409);
    expect(await apply.json()).toEqual({
      error: 'resolution_not_allowed',
      message: 'apply does not fit a case of reason provider_time_implausible',
    });
    expect((await resolve('dismiss')).status).toBe(202);
    await waitFor(
      async () => {
        const c = (await (await api(`/v1/cases/${theCase.caseId}`, VIEWER)).json()) as ApiCase;
        return c.status === 'dismissed' ? c : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: 'the case dismissed' },
    );
  });

  it('given everything above, when lifecycle:replay rebuilds from the raw topic, then its events equal the originals byte for byte', async () => {
    const { code, stdout, stderr } = await replayLifecycle(pipeline);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('result: replayed events equal the originals');
  });
});
