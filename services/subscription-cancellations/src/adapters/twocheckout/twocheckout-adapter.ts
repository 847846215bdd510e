import { CancellationError } from '../../cancellation-error';
import type { TwoCheckoutTarget } from '../../settings/merchant-settings';
import type { CancellationAdapter, CancelResult } from '../cancellation-adapter';
import type { HttpAnswer, HttpClient } from '../http/http-client';
import { scalarText } from '../http/scalar-text';
import { errorForStatus } from '../http/status-error';
import { avangateAuthentication } from './avangate-auth';

/**
 * Cancels through the 2Checkout REST API 6.0: `DELETE /rest/6.0/subscriptions/{ref}/`, which
 * disables the subscription at once with no more billing. Only for 2Checkout orders, whose
 * subscription refs are 2Checkout `SubscriptionReference`s.
 */
export function twoCheckoutAdapter(
  target: TwoCheckoutTarget,
  deps: { readonly http: HttpClient; readonly now: () => number },
): CancellationAdapter {
  return {
    async cancel(request, signal): Promise<CancelResult> {
      if (request.provider !== '2checkout') {
        throw new CancellationError(
          'adapter_not_applicable',
          `the 2Checkout API cannot cancel a ${request.provider} subscription`,
        );
      }
      const ref = encodeURIComponent(request.subscriptionRef);
      const answer = await deps.http.send(
        {
          method: 'DELETE',
          url: `${target.baseUrl}/rest/6.0/subscriptions/${ref}/`,
          headers: {
            accept: 'application/json',
            'x-avangate-authentication': avangateAuthentication(
              target.merchantCode,
              target.secretKey,
              deps.now(),
            ),
          },
        },
        signal,
      );
      if (answer.status >= 400 && answer.status < 500 && saysAlreadyCancelled(answer)) {
        return { alreadyCancelled: true };
      }
      const error = errorForStatus(answer, {
        what: '2Checkout',
        nowMs: deps.now(),
        refusedCode: 'provider_refused',
      });
      if (error) throw error;
      return { alreadyCancelled: false };
    },
  };
}

/**
 * Whether a 4xx says the subscription is already cancelled/disabled. 2Checkout documents no
 * code for this; its error answers are `{"error_code": …, "message": …}`, so any mention of
 * "already" in either is read as such (an inference: see docs/subscription-cancellations.md).
 */
function saysAlreadyCancelled(answer: HttpAnswer): boolean {
  try {
    const parsed = JSON.parse(answer.body) as { error_code?: unknown; message?: unknown };
    const text = `${scalarText(parsed.error_code)} ${scalarText(parsed.message)}`;
    return /already/i.test(text);
  } catch {
    return false;
  }
}
