import { isProviderName } from '@clawback/notifications';
import { providerSettingsOf, type MerchantDirectory } from '@clawback/merchants';
import type { ProviderAdapter } from '@clawback/providers';
import type { ProviderName } from '@clawback/notifications';
import type { SafeDedupe } from '../dedupe/guarded-dedupe';
import { IngressError } from '../errors/ingress-error';
import type { PublishCoalescer } from '../publish/publish-coalescer';
import { withTimeout } from '../time/with-timeout';
import { readRecord } from './read-record';
import type { NotificationOutcome, NotificationRequest } from './notification-request';
import { sameMoneyForChecksum } from './checksum-reuse';
import { sourceAllowed } from '../source-networks/source-allowed';

/** What {@link acceptNotification} needs; all injected, so the flow is testable without I/O. */
export interface AcceptDependencies {
  readonly merchants: MerchantDirectory;
  readonly adapterFor: (provider: ProviderName) => ProviderAdapter;
  readonly coalescer: PublishCoalescer;
  readonly dedupe: SafeDedupe;
  readonly now: () => number;
  readonly newIngressId: () => string;
  /** Longest wait for Kafka's acknowledgement before answering 503. */
  readonly publishTimeoutMs: number;
}

function refused(error: IngressError, detail?: string): NotificationOutcome {
  return detail === undefined ? { kind: 'refused', error } : { kind: 'refused', error, detail };
}

/**
 * The ingress decision for one request, in the order the contract needs: route (404), verify
 * (400/401) before anything is written, edge dedupe (a verified notification is published
 * whatever its provider time says, ADR 0020), then publish and wait for Kafka's
 * acknowledgement (503 when it does not come in time). Never answers `published` or
 * `duplicate` for a record Kafka does not have.
 */
export async function acceptNotification(
  request: NotificationRequest,
  deps: AcceptDependencies,
): Promise<NotificationOutcome> {
  const receivedAt = deps.now();
  const { provider, merchantId } = request;
  if (!isProviderName(provider)) {
    // The path segment is the sender's text: never echoed back or logged.
    return refused(new IngressError('unknown_provider', 'no provider by that name'));
  }
  const secrets = providerSettingsOf(deps.merchants, merchantId, provider);
  if (secrets === undefined) {
    return refused(
      new IngressError('unknown_merchant', `no ${provider} configuration for this merchant`),
    );
  }
  if (!sourceAllowed(secrets.sourceNetworks, request.remoteAddress)) {
    return refused(new IngressError('source_not_allowed', 'the sender is not in sourceNetworks'));
  }
  const adapter = deps.adapterFor(provider);
  const decision = adapter.accept({ ...request, secrets, now: deps.now });
  if (decision.outcome === 'malformed') {
    return refused(
      new IngressError('malformed_notification', decision.error.message, decision.error),
      decision.error.code,
    );
  }
  if (decision.outcome === 'unauthenticated') {
    return refused(
      new IngressError('invalid_signature', 'signature or token does not match'),
      decision.reason,
    );
  }

  if (!(await sameMoneyForChecksum(provider, merchantId, decision.recordBody, deps.dedupe))) {
    return refused(
      new IngressError('checksum_reused', 'checksum already seen with other money fields'),
    );
  }
  const ingressId = deps.newIngressId();
  const record = {
    ingressId,
    provider,
    merchantId,
    orderKey: decision.orderKey,
    receivedAt,
    contentType: request.contentType,
    body: decision.recordBody,
  };
  const reading = readRecord(decision, record, secrets);
  const notificationId = reading.kind === 'interpreted' ? reading.notificationId : undefined;
  if (notificationId !== undefined && (await deps.dedupe.seen(notificationId))) {
    return {
      kind: 'duplicate',
      orderKey: decision.orderKey,
      notificationId,
      response: decision.response,
    };
  }
  try {
    await withTimeout(
      deps.coalescer.publish(notificationId ?? ingressId, record),
      deps.publishTimeoutMs,
    );
  } catch (error) {
    return refused(
      new IngressError(
        'kafka_unavailable',
        'Kafka did not acknowledge the notification in time',
        error,
      ),
    );
  }
  return { kind: 'published', ingressId, orderKey: decision.orderKey, response: decision.response };
}
