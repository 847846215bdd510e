import type { CanonicalNotification, ProviderName } from '@clawback/notifications';
import { click2sellAdapter } from './click2sell/adapter';
import { kartraAdapter } from './kartra/adapter';
import type { NormalizeOptions, ProviderAdapter, RawNotification } from './provider-adapter';
import { twoCheckoutAdapter } from './twocheckout/adapter';

const ADAPTERS: Readonly<Record<ProviderName, ProviderAdapter>> = {
  '2checkout': twoCheckoutAdapter,
  kartra: kartraAdapter,
  click2sell: click2sellAdapter,
};

/** The adapter of `provider` (check unknown path segments with `isProviderName` first). */
export function adapterFor(provider: ProviderName): ProviderAdapter {
  return ADAPTERS[provider];
}

/** A stored raw record with its provider, as the lifecycle consumer reads it. */
export interface ProviderRawNotification extends RawNotification {
  readonly provider: ProviderName;
}

/** Normalizes a stored raw record; throws only `ProvidersError` (dead-letter the record). */
export function normalizeNotification(
  record: ProviderRawNotification,
  options?: NormalizeOptions,
): CanonicalNotification {
  return adapterFor(record.provider).normalize(record, options);
}
