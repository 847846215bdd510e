/**
 * Test helpers for this service and for end-to-end tests
 * (`@clawback/subscription-cancellations/src/testing`): local stand-ins for merchants' webhook
 * endpoints and the providers' APIs, and lifecycle-event builders.
 */
export {
  startLocalServer,
  type LocalAnswer,
  type LocalServer,
  type ReceivedRequest,
} from './local-server';
export { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
export { startKartraFake, startTwoCheckoutFake } from './provider-fakes';
export {
  chargebackLost,
  orderPaid,
  paymentDenied,
  refundApplied,
  type OrderOptions,
} from './lifecycle-events';
