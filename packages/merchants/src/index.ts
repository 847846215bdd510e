export {
  merchantSection,
  providerSettingsOf,
  type Click2SellSettings,
  type KartraSettings,
  type MerchantConfig,
  type MerchantDirectory,
  type ProviderSettings,
  type TwoCheckoutSettings,
} from './merchant-config';
export {
  click2sellAuthentication,
  type Click2SellAuthentication,
} from './click2sell-authentication';
export { MerchantsError, type MerchantsErrorCode } from './merchants-error';
export { parseMerchants } from './parse-merchants';
export { loadMerchantsFile, loadMerchantsFromEnv, MERCHANTS_FILE_VARIABLE } from './load-merchants';
export {
  isEnvReference,
  resolveEnvReferences,
  type EnvReference,
  type Environment,
} from './secret-reference';
