import { click2sellNotification } from '@clawback/providers/testing';
import { createTestContext, waitFor, type TestContext } from '@clawback/test-harness';
import type { RunningIngress } from './service/start-ingress';
import {
  ingressEnv,
  postNotification,
  registerRawSchema,
  startTestIngress,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';

// The project-level testTimeout in jest.config.js is not applied under jest 30 projects.
jest.setTimeout(120_000);

/** A copy of a form body with some values replaced; the checksum is left as it was. */
function edited(body: Buffer, changes: Readonly<Record<string, string>>): Buffer {
  const params = new URLSearchParams(body.toString('latin1'));
  for (const [key, value] of Object.entries(changes)) params.set(key, value);
  return Buffer.from(params.toString(), 'latin1');
}

const errorCode = (body: string): unknown =>
  (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;

describe('Click2Sell forged copies at the ingress (real Kafka, registry and Redis)', () => {
  let context: TestContext;
  let merchants: ReturnType<typeof writeMerchantsFile>;
  let ingress: RunningIngress;

  beforeEach(async () => {
    context = await createTestContext({ topics: ['notificationsRaw'] });
    await registerRawSchema(context);
    merchants = writeMerchantsFile();
    ingress = await startTestIngress(ingressEnv(context, merchants.path));
    await waitFor(async () => (await fetch(`${ingress.url}/readyz`)).ok, {
      timeoutMs: 30_000,
      description: 'the ingress to be ready',
    });
  });

  afterEach(async () => {
    await ingress?.close();
    merchants?.remove();
    await context?.dispose();
  });

  const sale = click2sellNotification(
    { c2sTransactionId: '86001', price: '49.00 EUR' },
    { secretKey: TEST_SECRETS.click2sell },
  );

  it('given a genuine sale, when an edited copy (refund, other price) reuses its checksum, then 409 checksum_reused', async () => {
    // m1 is checksum-only (allowChecksumOnly): the reuse record is its only defence.
    const path = '/v1/notifications/click2sell/m1';
    expect((await postNotification(ingress.url, path, sale)).status).toBe(200);

    const forged = edited(sale.body, { transaction_type: 'Refund', product_price: '1.00 EUR' });
    const answer = await postNotification(ingress.url, path, { ...sale, body: forged });
    expect(answer.status).toBe(409);
    expect(errorCode(answer.body)).toBe('checksum_reused');

    const otherOrder = edited(sale.body, { c2s_transaction_id: '86999' });
    const second = await postNotification(ingress.url, path, { ...sale, body: otherOrder });
    expect(second.status).toBe(409);

    // A genuine refund "for the same transaction id": same order and money, other type.
    const refund = edited(sale.body, { transaction_type: 'Refund' });
    expect((await postNotification(ingress.url, path, { ...sale, body: refund })).status).toBe(200);
  });

  it('given a merchant with a URL token, then a missing or wrong token is 401 and the right one 200', async () => {
    const path = '/v1/notifications/click2sell/m-c2s';
    const missing = await postNotification(ingress.url, path, sale);
    expect(missing.status).toBe(401);
    expect(errorCode(missing.body)).toBe('invalid_signature');
    expect((await postNotification(ingress.url, `${path}?token=guess`, sale)).status).toBe(401);
    const right = `${path}?token=${TEST_SECRETS.click2sellToken}`;
    expect((await postNotification(ingress.url, right, sale)).status).toBe(200);
  });

  it('refuses a notification without acquirer id with 401', async () => {
    const params = new URLSearchParams(sale.body.toString('latin1'));
    params.delete('acquirer_transaction_id');
    const body = Buffer.from(params.toString(), 'latin1');
    const answer = await postNotification(ingress.url, '/v1/notifications/click2sell/m1', {
      ...sale,
      body,
    });
    expect(answer.status).toBe(401);
  });

  it("refuses a sender outside the merchant's sourceNetworks with 403 source_not_allowed", async () => {
    const path = `/v1/notifications/click2sell/m-net?token=${TEST_SECRETS.click2sellToken}`;
    const answer = await postNotification(ingress.url, path, sale);
    expect(answer.status).toBe(403);
    expect(errorCode(answer.body)).toBe('source_not_allowed');
  });
});
