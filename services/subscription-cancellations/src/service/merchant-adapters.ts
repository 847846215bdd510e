import type { AdapterDeps } from '../adapters/adapter-for';
import { adapterFor } from '../adapters/adapter-for';
import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import type { MerchantCancellationSettings } from '../settings/merchant-settings';

/**
 * Builds every configured merchant's adapter once, at start, and returns the lookup the
 * processing uses. Only asked for merchants with a target (the plan ignores the others).
 */
export function merchantAdapters(
  merchants: ReadonlyMap<string, MerchantCancellationSettings>,
  deps: AdapterDeps,
): (merchantId: string) => CancellationAdapter {
  const adapters = new Map<string, CancellationAdapter>();
  for (const settings of merchants.values()) {
    if (settings.target) adapters.set(settings.merchantId, adapterFor(settings.target, deps));
  }
  return (merchantId) => {
    const adapter = adapters.get(merchantId);
    if (!adapter) throw new RangeError(`no cancellation adapter for merchant ${merchantId}`);
    return adapter;
  };
}
