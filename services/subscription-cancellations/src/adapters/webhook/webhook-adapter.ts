import { SIGNATURE_HEADER, signWebhook } from '@clawback/webhook-signature';
import type { WebhookTarget } from '../../settings/merchant-settings';
import type { CancellationAdapter, CancelResult } from '../cancellation-adapter';
import type { HttpClient } from '../http/http-client';
import { errorForStatus } from '../http/status-error';
import { webhookBody } from './webhook-body';

/** The header carrying the idempotency key (also in the body). */
const IDEMPOTENCY_HEADER = 'Clawback-Idempotency-Key';

/**
 * Cancels by POSTing a signed JSON webhook to the merchant. Each attempt is signed at send
 * time (`Clawback-Signature: t=<unix>,v1=<hex>`), so a retry an hour later is still within the
 * receiver's tolerance. Any 2xx confirms; `{"alreadyCancelled": true}` in a 2xx answer is
 * recorded as such.
 */
export function webhookAdapter(
  target: WebhookTarget,
  deps: { readonly http: HttpClient; readonly now: () => number },
): CancellationAdapter {
  return {
    async cancel(request, signal): Promise<CancelResult> {
      const body = webhookBody(request);
      const nowMs = deps.now();
      const answer = await deps.http.send(
        {
          method: 'POST',
          url: target.url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'clawback-subscription-cancellations/1',
            [SIGNATURE_HEADER]: signWebhook(target.secrets, body, Math.floor(nowMs / 1000)),
            [IDEMPOTENCY_HEADER]: request.idempotencyKey,
          },
          body,
        },
        signal,
      );
      const error = errorForStatus(answer, {
        what: 'the webhook receiver',
        nowMs: deps.now(),
        refusedCode: 'receiver_rejected',
      });
      if (error) throw error;
      return { alreadyCancelled: saysAlreadyCancelled(answer.body) };
    },
  };
}

function saysAlreadyCancelled(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { alreadyCancelled?: unknown }).alreadyCancelled === true
    );
  } catch {
    return false;
  }
}
