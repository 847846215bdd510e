import { recordingHttp } from '../../testing/recording-http';
import { cancellationRequest } from '../../testing/requests';
import { kartraAdapter } from './kartra-adapter';
import { readKartraAnswer } from './kartra-answer';

const target = { baseUrl: 'http://127.0.0.1:9', appId: 'APP', apiKey: 'KEY', apiPassword: 'PW' };
const now = () => 0;
const signal = new AbortController().signal;
const kartraRequest = cancellationRequest({ provider: 'kartra', subscriptionRef: '14833' });

describe('kartraAdapter', () => {
  it('posts cancel_transaction for the Kartra subscription id', async () => {
    const http = recordingHttp({
      status: 200,
      body: '{"cancel_transaction":{"status":"Success","transaction_internal_subscription_id":"14833"}}',
    });
    await expect(
      kartraAdapter(target, { http, now }).cancel(kartraRequest, signal),
    ).resolves.toEqual({
      alreadyCancelled: false,
    });
    const [sent] = http.requests;
    expect(sent).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:9/api' });
    expect(sent!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent!.body))).toEqual({
      app_id: 'APP',
      api_key: 'KEY',
      api_password: 'PW',
      'actions[0][cmd]': 'cancel_transaction',
      'actions[0][transaction_internal_subscription_id]': '14833',
    });
  });

  it('waits the documented second when rate limited without Retry-After', async () => {
    const error: unknown = await kartraAdapter(target, {
      http: recordingHttp({ status: 429 }),
      now,
    })
      .cancel(kartraRequest, signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'receiver_rate_limited', retryAfterMs: 1000 });
  });

  it('refuses subscriptions of other providers without calling', async () => {
    const http = recordingHttp({ status: 200 });
    await expect(
      kartraAdapter(target, { http, now }).cancel(cancellationRequest(), signal),
    ).rejects.toMatchObject({ code: 'adapter_not_applicable' });
    expect(http.requests).toHaveLength(0);
  });
});

describe('readKartraAnswer', () => {
  const errorAnswer = (type: string, message: string) =>
    JSON.stringify({ status: 'Error', message, type });

  it('reads success at the top level, per command and inside actions[]', () => {
    expect(readKartraAnswer('{"status":"Success"}')).toEqual({ alreadyCancelled: false });
    expect(readKartraAnswer('{"cancel_transaction":{"status":"Success"}}')).toEqual({
      alreadyCancelled: false,
    });
    expect(
      readKartraAnswer(
        '{"status":"Success","actions":[{"cancel_transaction":{"status":"Success"}}]}',
      ),
    ).toEqual({ alreadyCancelled: false });
  });

  it('counts 252 (already cancelled) as success', () => {
    expect(readKartraAnswer(errorAnswer('252', 'Subscription already cancelled'))).toEqual({
      alreadyCancelled: true,
    });
  });

  it('retries 267 (cancellation failed) and refuses the other errors for good', () => {
    expect(() => readKartraAnswer(errorAnswer('267', 'Cancellation has failed'))).toThrow(
      expect.objectContaining({ code: 'provider_failed', retriable: true }),
    );
    for (const type of ['248', '249', '253', '203']) {
      expect(() => readKartraAnswer(errorAnswer(type, 'no'))).toThrow(
        expect.objectContaining({ code: 'provider_refused', retriable: false }),
      );
    }
    expect(() =>
      readKartraAnswer('{"actions":[{"cancel_transaction":{"status":"Error","type":248}}]}'),
    ).toThrow(
      expect.objectContaining({
        code: 'provider_refused',
        message: expect.stringContaining('248'),
      }),
    );
  });

  it('treats an unreadable answer as retriable', () => {
    for (const body of ['<html>', '{}', '[]', '{"status":"Maybe"}']) {
      expect(() => readKartraAnswer(body)).toThrow(
        expect.objectContaining({ code: 'receiver_answer_invalid', retriable: true }),
      );
    }
  });
});
