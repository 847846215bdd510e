import { providerSettingsOf, type MerchantDirectory } from '@clawback/merchants';
import type { NormalizeOptions } from '@clawback/providers';
import type { NormalizeOptionsFor } from '../records/to-partition-records';

/**
 * The normalization settings each merchant's file entry implies: for Kartra, whose
 * notifications name no currency, the merchant's `kartra.currency`. Other providers state
 * their currency, so they get none. Absent settings mean the adapters' defaults (Kartra: USD).
 */
export function merchantNormalization(directory: MerchantDirectory): NormalizeOptionsFor {
  return (provider, merchantId): NormalizeOptions | undefined => {
    if (provider !== 'kartra') return undefined;
    const currency = providerSettingsOf(directory, merchantId, 'kartra')?.currency;
    return currency === undefined ? undefined : { currency };
  };
}

/** Kartra's configured currency per merchant, for the start-up log line. */
export function kartraCurrencies(directory: MerchantDirectory): Readonly<Record<string, string>> {
  const currencies: Record<string, string> = {};
  for (const merchantId of directory.keys()) {
    const currency = providerSettingsOf(directory, merchantId, 'kartra')?.currency;
    if (currency !== undefined) currencies[merchantId] = currency;
  }
  return currencies;
}
