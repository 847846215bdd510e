export {
  CancellationError,
  isCancellationError,
  type CancellationErrorCode,
} from './cancellation-error';
export {
  startSubscriptionCancellations,
  type RunningSubscriptionCancellations,
  type SubscriptionCancellationsOptions,
} from './service/start-subscription-cancellations';
export {
  startSubscriptionCancellationsFromEnv,
  type StartedFromEnv,
} from './service/start-from-env';
export {
  defaultServiceSettings,
  loadServiceSettings,
  type CancellationServiceSettings,
  type RetrySettings,
} from './settings/service-settings';
export {
  ADAPTER_NAMES,
  type AdapterName,
  type MerchantCancellationSettings,
  type PartialRefundPolicy,
} from './settings/merchant-settings';
export { merchantSettingsOf, parseMerchantSettings } from './settings/parse-merchant-settings';
export type {
  CancellationEvent,
  CancellationEventType,
  CancellationFailure,
  SubscriptionCancellationFailed,
  SubscriptionCancellationRequested,
  SubscriptionCancelled,
} from './events/cancellation-event';
export {
  fromAvroCancellation,
  toAvroCancellation,
  type AvroCancellationEvent,
} from './events/cancellation-avro';
export type { CancellationDeadLetter } from './events/dead-letter';
export { cancellationEventId, idempotencyKeyFor, subscriptionKey } from './events/identity';
export type { CancellationCause, CancellationRequest } from './policy/cancellation-request';
export { IDEMPOTENCY_HEADER } from './adapters/webhook/webhook-adapter';
export type { CancellationWebhookBody } from './adapters/webhook/webhook-body';
export {
  createCancellationMetrics,
  type CancellationMetrics,
} from './metrics/cancellation-metrics';
