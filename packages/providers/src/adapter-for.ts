import type { CanonicalNotification, ProviderName } from '@clawback/notifications';
import { click2sellIpnAdapter } from './click2sell/adapter';
import { kartraIpnAdapter } from './kartra/adapter';
import type {
  AcceptedContext,
  IngressDecision,
  NormalizeOptions,
  ProviderAdapter,
  RawNotification,
} from './provider-adapter';
import { checkProviderTime } from './shared/provider-time';
import { twoCheckoutIpnAdapter } from './twocheckout/adapter';

const ADAPTERS: Readonly<Record<ProviderName, ProviderAdapter>> = {
  '2checkout': twoCheckoutIpnAdapter,
  kartra: kartraIpnAdapter,
  click2sell: click2sellIpnAdapter,
};

/** The adapter of `provider` (check unknown path segments with `isProviderName` first). */
export function adapterFor(provider: ProviderName): ProviderAdapter {
  return ADAPTERS[provider];
}

/** A stored raw record with its provider, as the lifecycle consumer reads it. */
export interface ProviderRawNotification extends RawNotification {
  readonly provider: ProviderName;
}

/**
 * The signature scheme a stored raw record carries, read from its body alone
 * ({@link ProviderAdapter.signatureScheme}): `null` when it names none or cannot be read.
 */
export function signatureSchemeOf(record: ProviderRawNotification): string | null {
  return adapterFor(record.provider).signatureScheme(record);
}

/**
 * Normalizes a stored raw record; throws only `ProvidersError` (dead-letter the record).
 * Includes the plausible-provider-time rule ({@link normalizeWithAdapter}).
 */
export function normalizeNotification(
  record: ProviderRawNotification,
  options?: NormalizeOptions,
): CanonicalNotification {
  return normalizeWithAdapter(adapterFor(record.provider), record, options);
}

/**
 * `adapter.normalize`, then the plausible-provider-time rule that holds for every provider
 * (`checkProviderTime`): the one normalization both the ingress and the lifecycle use, so a
 * date the lifecycle would dead-letter is refused at the ingress already.
 *
 * @throws ProvidersError the adapter's codes, or `implausible_provider_time`.
 */
export function normalizeWithAdapter(
  adapter: ProviderAdapter,
  record: RawNotification,
  options?: NormalizeOptions,
): CanonicalNotification {
  const notification = adapter.normalize(record, options);
  checkProviderTime(notification.occurredAt, record.receivedAt);
  return notification;
}

/**
 * {@link normalizeWithAdapter} of the record an `accepted` decision stores, from the body the
 * decision already decoded (no second parse): the notification and the plausible-provider-time
 * rule, exactly as the lifecycle will normalize that record.
 *
 * @throws ProvidersError the adapter's codes, or `implausible_provider_time`.
 */
export function normalizeAccepted(
  decision: Extract<IngressDecision, { outcome: 'accepted' }>,
  context: AcceptedContext,
): CanonicalNotification {
  const notification = decision.normalized(context);
  checkProviderTime(notification.occurredAt, context.receivedAt);
  return notification;
}
