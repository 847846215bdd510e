export {
  adapterFor,
  normalizeAccepted,
  normalizeNotification,
  normalizeWithAdapter,
  type ProviderRawNotification,
} from './adapter-for';
export {
  checkProviderTime,
  providerTimeCeiling,
  providerTimeProblem,
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  PROVIDER_TIME_FUTURE_SKEW_MS,
} from './shared/provider-time';
export type {
  AcceptedContext,
  IngressDecision,
  IngressRequest,
  MerchantProviderSecrets,
  NormalizeOptions,
  ProviderAdapter,
  ProviderResponse,
  RawNotification,
  UnauthenticatedReason,
} from './provider-adapter';
export { ProvidersError, isProvidersError, type ProvidersErrorCode } from './providers-error';
export {
  decodeOrderedForm,
  percentDecode,
  type FormField,
  type FormValue,
  type OrderedForm,
} from './form/ordered-form';

export { twoCheckoutAdapter, decodeTwoCheckoutIpn } from './twocheckout/adapter';
export { parseTwoCheckoutIpn, twoCheckoutOrderRef } from './twocheckout/parse-ipn';
export type { TwoCheckoutIpn, TwoCheckoutLine } from './twocheckout/ipn-fields';
export {
  verifyTwoCheckoutSignature,
  signatureSource,
  lengthPrefixed,
  hmacHex,
  SIGNATURE_FIELD,
  TWOCHECKOUT_ALGORITHMS,
  type TwoCheckoutAlgorithm,
  type SignatureCheck,
} from './twocheckout/signature';
export { twoCheckoutReadReceipt, readReceiptHash, receiptDate } from './twocheckout/read-receipt';
export { twoCheckoutKind, TWOCHECKOUT_STATUS_KINDS } from './twocheckout/status-mapping';
export { normalizeTwoCheckoutIpn } from './twocheckout/normalize';

export { kartraAdapter, kartraFields } from './kartra/adapter';
export type { KartraFields, KartraSurface, KartraTransaction } from './kartra/kartra-fields';
export {
  parseKartraTransaction,
  kartraOrderRef,
  KARTRA_DEFAULT_CURRENCY,
} from './kartra/parse-transaction';
export { kartraKind, KARTRA_IPN_TYPES, KARTRA_OUTBOUND_ACTIONS } from './kartra/type-mapping';
export { verifyKartraIpnSecret, verifyKartraUrlToken, type KartraCheck } from './kartra/verify';
export { normalizeKartraTransaction } from './kartra/normalize';
export { KARTRA_TIME_ZONE } from './kartra/eastern-time';

export { click2sellAdapter, decodeClick2SellNotification } from './click2sell/adapter';
export type { Click2SellNotification } from './click2sell/notification-fields';
export { parseClick2SellNotification, click2sellOrderRef } from './click2sell/parse-notification';
export {
  click2sellChecksum,
  verifyClick2SellChecksum,
  type Click2SellCheck,
} from './click2sell/checksum';
export { click2sellKind } from './click2sell/status-mapping';
export { click2sellChecksumUse, type Click2SellChecksumUse } from './click2sell/money-fingerprint';
export { normalizeClick2SellNotification } from './click2sell/normalize';

export * from './fixtures';
