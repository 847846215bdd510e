import { verifyWebhook } from '@clawback/webhook-signature';
import { recordingHttp } from '../../testing/recording-http';
import { cancellationRequest } from '../../testing/requests';
import { webhookAdapter } from './webhook-adapter';

const target = { url: 'https://shop.example/hooks/clawback', secrets: ['whsec_test'] };
const now = () => Date.parse('2026-01-15T10:00:00Z');
const signal = new AbortController().signal;

describe('webhookAdapter', () => {
  it('posts a signed JSON body with the idempotency key', async () => {
    const http = recordingHttp({ status: 200 });
    const request = cancellationRequest();
    await expect(webhookAdapter(target, { http, now }).cancel(request, signal)).resolves.toEqual({
      alreadyCancelled: false,
    });
    const [sent] = http.requests;
    expect(sent).toMatchObject({ method: 'POST', url: target.url });
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers['Clawback-Idempotency-Key']).toBe(request.idempotencyKey);
    expect(
      verifyWebhook('whsec_test', sent!.body!, sent!.headers['Clawback-Signature'], { now }),
    ).toEqual({ timestamp: now() / 1000 });
    expect(JSON.parse(sent!.body!)).toEqual({
      type: 'subscription.cancellation_requested',
      idempotencyKey: request.idempotencyKey,
      subscriptionRef: 'XRILXB9ZI3',
      orderKey: '2checkout:m1:1000',
      merchantId: 'm1',
      provider: '2checkout',
      cause: 'chargeback_lost',
      causationId: 'n-1#0',
      occurredAt: '2026-01-15T10:00:00.000Z',
    });
  });

  it('signs each attempt at its own time, with the same body', async () => {
    let clock = now();
    const http = recordingHttp({ status: 503 }, { status: 200 });
    const adapter = webhookAdapter(target, { http, now: () => clock });
    await adapter.cancel(cancellationRequest(), signal).catch(() => undefined);
    clock += 3_600_000;
    await adapter.cancel(cancellationRequest(), signal);
    const [first, second] = http.requests;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['Clawback-Signature']).not.toBe(first!.headers['Clawback-Signature']);
    expect(() =>
      verifyWebhook('whsec_test', second!.body!, second!.headers['Clawback-Signature'], {
        now: () => clock,
      }),
    ).not.toThrow();
  });

  it('records "already cancelled" when the receiver says so', async () => {
    const http = recordingHttp({ status: 200, body: '{"alreadyCancelled":true}' });
    await expect(
      webhookAdapter(target, { http, now }).cancel(cancellationRequest(), signal),
    ).resolves.toEqual({ alreadyCancelled: true });
  });

  it('fails retriably on 5xx and 429, for good on other 4xx', async () => {
    const cancel = (status: number, headers?: Record<string, string>) =>
      webhookAdapter(target, { http: recordingHttp({ status, ...(headers && { headers }) }), now })
        .cancel(cancellationRequest(), signal)
        .catch((error: unknown) => error);
    await expect(cancel(500)).resolves.toMatchObject({
      code: 'receiver_unavailable',
      retriable: true,
    });
    await expect(cancel(429, { 'Retry-After': '2' })).resolves.toMatchObject({
      code: 'receiver_rate_limited',
      retryAfterMs: 2000,
    });
    await expect(cancel(422)).resolves.toMatchObject({
      code: 'receiver_rejected',
      retriable: false,
    });
  });
});
