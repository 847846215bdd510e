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
 * A readable but implausible provider time is not an error here (ADR 0020): the lifecycle
 * applies such a notification at its `receivedAt` and opens a case.
 */
export function normalizeNotification(
  record: ProviderRawNotification,
  options?: NormalizeOptions,
): CanonicalNotification {
  return normalizeWithAdapter(adapterFor(record.provider), record, options);
}

/**
 * `adapter.normalize`: the one normalization both the ingress and the lifecycle use, so a body
 * the lifecycle would dead-letter is known as such at the ingress already.
 *
 * @throws ProvidersError the adapter's codes.
 */
export function normalizeWithAdapter(
  adapter: ProviderAdapter,
  record: RawNotification,
  options?: NormalizeOptions,
): CanonicalNotification {
  return adapter.normalize(record, options);
}

/**
 * {@link normalizeWithAdapter} of the record an `accepted` decision stores, from the body the
 * decision already decoded (no second parse), exactly as the lifecycle will normalize it.
 *
 * @throws ProvidersError the adapter's codes.
 */
export function normalizeAccepted(
  decision: Extract<IngressDecision, { outcome: 'accepted' }>,
  context: AcceptedContext,
): CanonicalNotification {
  return decision.normalized(context);
}
