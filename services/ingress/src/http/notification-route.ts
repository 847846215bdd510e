import type { IngressApp } from './ingress-app';
import type { Logger } from '@clawback/logging';
import { isProviderName } from '@clawback/notifications';
import { boundChildren } from '../metrics/bound-children';
import type { IngressMetrics } from '../metrics/ingress-metrics';
import type { AcceptDependencies } from '../notification/accept-notification';
import { acceptNotification } from '../notification/accept-notification';
import type { NotificationOutcome } from '../notification/notification-request';
import { sendError } from './error-reply';
import type { OutcomeSummary } from './outcome-summary';
import { bodyBytes } from './raw-body';

interface RouteParams {
  readonly provider: string;
  readonly merchantId: string;
}

/** What the notification route needs beyond the core's dependencies. */
export interface NotificationRouteOptions {
  readonly accept: AcceptDependencies;
  readonly metrics: IngressMetrics;
  readonly logger: Logger;
  readonly retryAfterSeconds: number;
  readonly summary: OutcomeSummary;
}

function outcomeLabel(outcome: NotificationOutcome): string {
  return outcome.kind === 'refused' ? outcome.error.code : outcome.kind;
}

/**
 * `POST /v1/notifications/{provider}/{merchantId}`. Logs one line per refusal, and one debug
 * line per accepted request (ids and outcome only: never the body, the query (Kartra's token)
 * or headers (signatures)); accepted requests are counted in the info-level summary.
 */
export function registerNotificationRoute(
  app: IngressApp,
  options: NotificationRouteOptions,
): void {
  const requests = boundChildren((provider, outcome) =>
    options.metrics.requests.labels(provider, outcome),
  );
  app.post<{ Params: RouteParams; Querystring: Record<string, unknown> }>(
    '/v1/notifications/:provider/:merchantId',
    async (request, reply) => {
      const { provider, merchantId } = request.params;
      const outcome = await acceptNotification(
        {
          provider,
          merchantId,
          body: bodyBytes(request.body),
          contentType: request.headers['content-type'] ?? '',
          query: request.query,
          remoteAddress: request.socket.remoteAddress,
        },
        options.accept,
      );
      const providerLabel = isProviderName(provider) ? provider : 'unknown';
      const label = outcomeLabel(outcome);
      requests(providerLabel, label).inc();
      options.summary.count(label);
      if (outcome.kind === 'refused') {
        // An unknown provider's or merchant's path segment is the sender's text: not logged.
        const unknown =
          outcome.error.code === 'unknown_provider' || outcome.error.code === 'unknown_merchant';
        const level = outcome.error.retriable ? 'warn' : 'info';
        // Stable codes only: a cause's message can quote the body (JSON.parse does).
        options.logger[level](
          {
            provider: providerLabel,
            merchantId: unknown ? 'unknown' : merchantId,
            outcome: label,
            detail: outcome.detail,
          },
          'notification refused',
        );
        return sendError(reply, outcome.error, options.retryAfterSeconds);
      }
      if (outcome.kind === 'duplicate') {
        options.metrics.duplicatesSuppressed.inc({ provider: providerLabel });
      }
      // Checked first, so that at info no context object is even built.
      if (options.logger.isLevelEnabled('debug')) {
        const context = { provider: providerLabel, merchantId, outcome: label };
        if (outcome.kind === 'duplicate')
          options.logger.debug(
            { ...context, orderKey: outcome.orderKey, notificationId: outcome.notificationId },
            'duplicate notification answered without publishing',
          );
        else
          options.logger.debug(
            { ...context, orderKey: outcome.orderKey, ingressId: outcome.ingressId },
            'notification published',
          );
      }
      return reply.status(200).type(outcome.response.contentType).send(outcome.response.body);
    },
  );
}
