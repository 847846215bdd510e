import type { FixtureBody } from '@clawback/providers/testing';
import type { NotificationRoute } from './notification-route';

/** An order of the story, as the tables introduce it. */
export interface DemoOrder {
  /** `{provider}:{merchantId}:{orderRef}`, as the lifecycle keys it. */
  readonly orderKey: string;
  /** What was sold and to whom, e.g. `Pro plan (yearly), subscription NW-SUB-101`. */
  readonly title: string;
}

/** One notification the story posts, and what the audience should expect from it. */
export interface StoryStep {
  readonly order: DemoOrder;
  /** What happened at the provider, e.g. `partial refund 30.00 USD`. */
  readonly happened: string;
  readonly route: NotificationRoute;
  readonly body: FixtureBody;
  /** What Clawback should make of it, e.g. `rejected: over-refund`. */
  readonly expected: string;
}

/** The order key of an order. */
export const orderKeyOf = (route: NotificationRoute, orderRef: string): string =>
  `${route.provider}:${route.merchantId}:${orderRef}`;
