export {
  merchantSection,
  providerSettingsOf,
  type MerchantConfig,
  type MerchantDirectory,
} from './merchant-config';
export { click2sellAuthentication } from './click2sell-authentication';
export { MerchantsError } from './merchants-error';
export { parseMerchants } from './parse-merchants';
export { loadMerchantsFile, MERCHANTS_FILE_VARIABLE } from './load-merchants';
export { type Environment } from './secret-reference';
