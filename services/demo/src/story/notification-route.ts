import type { NotificationRoute as AnyProviderRoute } from '@clawback/test-harness';

/** Where the demo's providers post; narrowed to the providers the demo stories use. */
export type NotificationRoute = AnyProviderRoute<'2checkout' | 'kartra' | 'click2sell'>;

export { postNotification } from '@clawback/test-harness';
