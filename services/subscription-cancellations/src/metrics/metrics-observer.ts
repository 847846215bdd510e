import type { Logger } from '@clawback/logging';
import type { ProcessObserver } from '../batch/process-records';
import type { CancellationMetrics } from './cancellation-metrics';

/** Counts and logs what processing reports; ids only, never a secret or personal data. */
export function metricsObserver(metrics: CancellationMetrics, logger: Logger): ProcessObserver {
  return {
    planned(plan, merchantId) {
      if (plan.kind === 'ignore') {
        metrics.ignored.inc({ reason: plan.reason });
        if (plan.reason === 'merchant_not_configured') {
          logger.debug({ merchantId }, 'merchant has no cancellation adapter; nothing cancelled');
        }
      }
    },
    retrying(request, error, attempt, waitMs) {
      metrics.retries.inc({ adapter: request.adapter, code: error.code });
      logger.warn(
        {
          subscriptionRef: request.subscriptionRef,
          adapter: request.adapter,
          code: error.code,
          attempt,
          waitMs,
        },
        'cancellation call failed; retrying',
      );
    },
    delivered(request, outcome) {
      const label =
        outcome.kind === 'cancelled' && outcome.alreadyCancelled
          ? 'already_cancelled'
          : outcome.kind;
      metrics.outcomes.inc({ adapter: request.adapter, outcome: label });
      const fields = {
        subscriptionRef: request.subscriptionRef,
        orderKey: request.orderKey,
        causationId: request.causationId,
        adapter: request.adapter,
      };
      if (outcome.kind === 'failed') {
        logger.error(
          { ...fields, attempts: outcome.attempts, code: outcome.failure.code },
          'cancellation failed; dead-lettered',
        );
      } else if (outcome.kind === 'superseded') {
        logger.info(
          { ...fields, by: outcome.byCausationId },
          'subscription already cancelled for another event',
        );
      } else {
        logger.info(
          { ...fields, attempts: outcome.attempts, fromRecord: outcome.fromRecord },
          'subscription cancelled',
        );
      }
    },
  };
}
