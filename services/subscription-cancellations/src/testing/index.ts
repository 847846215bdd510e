/**
 * Test helpers for this service and for end-to-end tests
 * (`@clawback/subscription-cancellations/src/testing`): local stand-ins for merchants' webhook
 * endpoints and the providers' APIs, and lifecycle-event builders.
 */
export { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
