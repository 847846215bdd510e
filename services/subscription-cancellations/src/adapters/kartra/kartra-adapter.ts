import { CancellationError } from '../../cancellation-error';
import type { KartraTarget } from '../../settings/merchant-settings';
import type { CancellationAdapter, CancelResult } from '../cancellation-adapter';
import type { HttpClient } from '../http/http-client';
import { errorForStatus } from '../http/status-error';
import { readKartraAnswer } from './kartra-answer';

/** Kartra asks callers over its rate limit (HTTP 429) to wait one second. */
const KARTRA_RATE_LIMIT_WAIT_MS = 1000;

/** The form body of `cancel_transaction` for a Kartra subscription id. */
function kartraCancelForm(target: KartraTarget, subscriptionId: string): string {
  return new URLSearchParams([
    ['app_id', target.appId],
    ['api_key', target.apiKey],
    ['api_password', target.apiPassword],
    ['actions[0][cmd]', 'cancel_transaction'],
    ['actions[0][transaction_internal_subscription_id]', subscriptionId],
  ]).toString();
}

/**
 * Cancels through the Kartra inbound API (`POST /api`, form-encoded, `cancel_transaction` with
 * `transaction_internal_subscription_id`, which is what Clawback's Kartra subscription refs
 * are). Only for Kartra orders.
 */
export function kartraAdapter(
  target: KartraTarget,
  deps: { readonly http: HttpClient; readonly now: () => number },
): CancellationAdapter {
  return {
    async cancel(request, signal): Promise<CancelResult> {
      if (request.provider !== 'kartra') {
        throw new CancellationError(
          'adapter_not_applicable',
          `the Kartra API cannot cancel a ${request.provider} subscription`,
        );
      }
      const answer = await deps.http.send(
        {
          method: 'POST',
          url: `${target.baseUrl}/api`,
          headers: {
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: kartraCancelForm(target, request.subscriptionRef),
        },
        signal,
      );
      const error = errorForStatus(answer, {
        what: 'Kartra',
        nowMs: deps.now(),
        refusedCode: 'provider_refused',
        defaultRetryAfterMs: KARTRA_RATE_LIMIT_WAIT_MS,
      });
      if (error) throw error;
      return readKartraAnswer(answer.body);
    },
  };
}
