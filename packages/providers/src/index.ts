// The names other packages use; the rest stays inside. Test fixtures (signed IPN bodies) have
// their own entry point, `@clawback/providers/testing`.
export {
  adapterFor,
  normalizeAccepted,
  normalizeNotification,
  signatureSchemeOf,
} from './adapter-for';
export type {
  IngressDecision,
  IngressRequest,
  NormalizeOptions,
  ProviderAdapter,
  ProviderResponse,
} from './provider-adapter';
export { ProvidersError } from './providers-error';
export { decodeOrderedForm } from './form/ordered-form';
export { SIGNATURE_FIELD, type TwoCheckoutAlgorithm } from './twocheckout/verify-signature';
export { readReceiptHash } from './twocheckout/read-receipt';
export { click2sellChecksumUse } from './click2sell/money-fingerprint';
