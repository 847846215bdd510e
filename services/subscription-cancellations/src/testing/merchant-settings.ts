import type {
  CancellationTarget,
  MerchantCancellationSettings,
} from '../settings/merchant-settings';

/** Test data: a merchant's settings with a webhook target unless told otherwise. */
export function merchantSettings(
  overrides: Partial<MerchantCancellationSettings> = {},
): MerchantCancellationSettings {
  const target: CancellationTarget = {
    adapter: 'webhook',
    webhook: { url: 'http://127.0.0.1:1/hook', secrets: ['whsec_test'] },
  };
  return { merchantId: 'm1', onPartialRefund: 'keep', target, ...overrides };
}
