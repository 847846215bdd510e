import type { CanonicalNotification, ProviderName } from '@clawback/notifications';
import type { OrderStory, StoryStep } from './order-story';

const EPOCH_MS = Date.parse('2026-01-01T00:00:00Z');
const PRODUCT = { lineId: 'P-1', name: 'Course: Kafka in Practice' } as const;

/** Spread orders over providers roughly as traffic would be: 60% / 25% / 15%. */
function providerOf(story: OrderStory): ProviderName {
  const slot = story.index % 20;
  return slot < 12 ? '2checkout' : slot < 17 ? 'kartra' : 'click2sell';
}

/** Provider time of a step: one second between orders, one minute between an order's steps. */
export function occurredAtMs(story: OrderStory, step: number): number {
  return EPOCH_MS + story.index * 1000 + step * 60_000;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function amountOf(story: OrderStory, step: StoryStep): number {
  return step.kind === 'refund' ? step.units * story.unitPrice : story.quantity * story.unitPrice;
}

function extras(story: OrderStory, step: StoryStep): Partial<CanonicalNotification> {
  switch (step.kind) {
    case 'refund':
      return { refundScope: step.scope === 'total' ? 'total' : 'partial' };
    case 'chargeback_opened':
    case 'chargeback_won':
    case 'chargeback_lost':
      return { reason: 'CB-4837' };
    case 'payment_denied':
      return { reason: 'fraud_denied' };
    default:
      return story.index % 3 === 0 ? { affiliate: { affiliateId: `aff-${story.index % 50}` } } : {};
  }
}

/**
 * The canonical notification an adapter would produce for one step of a story. Equal
 * arguments give equal notifications, so a retry is a true duplicate (same id).
 */
export function canonicalOf(story: OrderStory, step: number): CanonicalNotification {
  const fact = story.steps[step]!;
  const provider = providerOf(story);
  const merchantId = `bench-${story.index % 8}`;
  const orderRef = `B${story.index}`;
  const orderKey = `${provider}:${merchantId}:${orderRef}`;
  const amount = amountOf(story, fact);
  const quantity = fact.kind === 'refund' ? fact.units : story.quantity;
  return {
    notificationId: `${orderKey}#${step}`,
    provider,
    merchantId,
    orderRef,
    orderKey,
    kind: fact.kind,
    occurredAt: iso(occurredAtMs(story, step)),
    currency: story.index % 2 === 0 ? 'USD' : 'EUR',
    amount,
    lines: [{ ...PRODUCT, quantity, amount }],
    subscriptionRefs: story.index % 4 === 0 ? [`SUB-${story.index}`] : [],
    providerStatus: fact.kind.toUpperCase(),
    test: false,
    ...extras(story, fact),
  };
}
