import { recordingHttp } from '../../testing/recording-http';
import { cancellationRequest } from '../../testing/requests';
import { avangateAuthentication, avangateDate } from './avangate-auth';
import { twoCheckoutAdapter } from './twocheckout-adapter';

const noon = Date.parse('2026-01-01T12:00:00Z');
const target = { baseUrl: 'http://127.0.0.1:9', merchantCode: 'MERCHANT', secretKey: 'SECRET_KEY' };
const signal = new AbortController().signal;

describe('X-Avangate-Authentication', () => {
  it('formats the date as UTC Y-m-d H:i:s', () => {
    expect(avangateDate(Date.parse('2026-03-04T05:06:07.890Z'))).toBe('2026-03-04 05:06:07');
  });

  it('hashes len(code)+code+len(date)+date with HMAC-MD5 (test vectors)', () => {
    // printf '8MERCHANT192026-01-01 12:00:00' | openssl dgst -md5 -hmac 'SECRET_KEY'
    expect(avangateAuthentication('MERCHANT', 'SECRET_KEY', noon)).toBe(
      'code="MERCHANT" date="2026-01-01 12:00:00" hash="7e170332b114fd7c08539678d3b57cee"',
    );
    // Lengths are UTF-8 bytes: "MÜNCH" is 6. printf '6MÜNCH192026-01-01 12:00:00' | openssl …
    expect(avangateAuthentication('MÜNCH', 'k', noon)).toContain(
      'hash="41b8a09544a6a933d7ac00d790736be8"',
    );
  });
});

describe('twoCheckoutAdapter', () => {
  it('sends DELETE /rest/6.0/subscriptions/{ref}/ with the authentication header', async () => {
    const http = recordingHttp({ status: 200, body: 'true' });
    const adapter = twoCheckoutAdapter(target, { http, now: () => noon });
    await expect(
      adapter.cancel(cancellationRequest({ subscriptionRef: 'A B/1' }), signal),
    ).resolves.toEqual({ alreadyCancelled: false });
    expect(http.requests[0]).toMatchObject({
      method: 'DELETE',
      url: 'http://127.0.0.1:9/rest/6.0/subscriptions/A%20B%2F1/',
      headers: {
        'x-avangate-authentication': avangateAuthentication('MERCHANT', 'SECRET_KEY', noon),
      },
    });
  });

  it('counts an "already cancelled" refusal as success', async () => {
    const http = recordingHttp({
      status: 400,
      body: '{"error_code":"SUBSCRIPTION_ALREADY_DISABLED","message":"Subscription is already disabled"}',
    });
    await expect(
      twoCheckoutAdapter(target, { http, now: () => noon }).cancel(cancellationRequest(), signal),
    ).resolves.toEqual({ alreadyCancelled: true });
  });

  it('fails for good on other refusals and retriably on 5xx', async () => {
    const cancel = (status: number, body = '') =>
      twoCheckoutAdapter(target, { http: recordingHttp({ status, body }), now: () => noon })
        .cancel(cancellationRequest(), signal)
        .catch((error: unknown) => error);
    await expect(
      cancel(404, '{"error_code":"NOT_FOUND","message":"no such subscription"}'),
    ).resolves.toMatchObject({
      code: 'provider_refused',
      retriable: false,
    });
    await expect(cancel(502)).resolves.toMatchObject({
      code: 'receiver_unavailable',
      retriable: true,
    });
  });

  it('refuses subscriptions of other providers without calling', async () => {
    const http = recordingHttp({ status: 200 });
    const error: unknown = await twoCheckoutAdapter(target, { http, now: () => noon })
      .cancel(cancellationRequest({ provider: 'kartra' }), signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'adapter_not_applicable', retriable: false });
    expect(http.requests).toHaveLength(0);
  });
});
