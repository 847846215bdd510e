export { startSubscriptionCancellationsFromEnv } from './service/start-from-env';
export { merchantSettingsOf } from './settings/parse-merchant-settings';
export type { CancellationEvent } from './events/cancellation-event';
export { fromAvroCancellation, type AvroCancellationEvent } from './events/cancellation-avro';
export type { CancellationDeadLetter } from './events/dead-letter';
export type { CancellationWebhookBody } from './adapters/webhook/webhook-body';
