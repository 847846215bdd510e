import type { SeededRandom } from './seeded-random';

/**
 * One fact about an order, independent of provider wire formats: refunds count units of the
 * order's single product line, so every renderer derives the same amounts from them.
 */
export type StoryStep =
  | {
      readonly kind:
        | 'payment_pending'
        | 'payment_completed'
        | 'chargeback_opened'
        | 'chargeback_won'
        | 'chargeback_lost'
        | 'payment_denied';
    }
  | { readonly kind: 'refund'; readonly units: number; readonly scope: 'partial' | 'total' };

/** The story kinds, so a result can say what mix it measured. */
export const STORY_KINDS = [
  'partialRefunds',
  'chargebackWon',
  'chargebackLost',
  'pendingThenPaid',
  'refundBeforeSale',
  'overRefund',
  'denied',
  'totalRefund',
] as const;

/** One of {@link STORY_KINDS}. */
export type StoryKind = (typeof STORY_KINDS)[number];

/** One synthetic order: its facts in provider-time order and the order they arrive in. */
export interface OrderStory {
  readonly index: number;
  readonly kind: StoryKind;
  /** Units of the single product line sold. */
  readonly quantity: number;
  /** Price of one unit in minor units. */
  readonly unitPrice: number;
  /** Distinct facts, in provider-time order (step i happens i minutes after the first). */
  readonly steps: readonly StoryStep[];
  /** Indices into `steps` in arrival order; an index seen twice is a provider retry. */
  readonly arrivals: readonly number[];
}

const sale = { kind: 'payment_completed' } as const;
const pending = { kind: 'payment_pending' } as const;
const partial = (units = 1): StoryStep => ({ kind: 'refund', units, scope: 'partial' });
const partials = (count: number): StoryStep[] => Array.from({ length: count }, () => partial());

// Cumulative weights (out of 100) of each story kind: refunds dominate, as in real traffic.
const MIX: readonly (readonly [StoryKind, number])[] = [
  ['partialRefunds', 40],
  ['chargebackWon', 50],
  ['chargebackLost', 60],
  ['pendingThenPaid', 70],
  ['refundBeforeSale', 80],
  ['overRefund', 90],
  ['denied', 95],
  ['totalRefund', 100],
];

function stepsOf(kind: StoryKind, quantity: number, random: SeededRandom): StoryStep[] {
  switch (kind) {
    case 'partialRefunds':
      // Eight one-unit refunds leave units over; half the orders then refund the rest (full).
      return random.chance(0.5)
        ? [sale, ...partials(7), partial(quantity - 7)]
        : [sale, ...partials(8)];
    case 'chargebackWon':
      return [
        sale,
        ...partials(2),
        { kind: 'chargeback_opened' },
        { kind: 'chargeback_won' },
        ...partials(4),
      ];
    case 'chargebackLost':
      return [sale, ...partials(5), { kind: 'chargeback_opened' }, { kind: 'chargeback_lost' }];
    case 'pendingThenPaid':
      return [pending, sale, ...partials(7)];
    case 'refundBeforeSale':
      return [sale, ...partials(8)];
    case 'overRefund':
      // Rejected twice: more units than remain, then a total refund after partial ones.
      return [
        sale,
        ...partials(3),
        partial(quantity + 1),
        ...partials(3),
        { kind: 'refund', units: 1, scope: 'total' },
      ];
    case 'denied':
      return [pending, { kind: 'payment_denied' }];
    case 'totalRefund':
      return [sale, { kind: 'refund', units: quantity, scope: 'total' }, partial()];
  }
}

/** Arrival order: provider-time order, except that a refund can overtake its sale. */
function arrivalOrder(kind: StoryKind, count: number): number[] {
  const inOrder = Array.from({ length: count }, (_, i) => i);
  return kind === 'refundBeforeSale' ? [1, 0, ...inOrder.slice(2)] : inOrder;
}

/** Inserts retries of already-arrived steps, each somewhere after its first arrival. */
function withRetries(arrivals: number[], total: number, random: SeededRandom): number[] {
  const out = [...arrivals];
  while (out.length < total) {
    const from = random.int(0, out.length - 1);
    const at = random.int(from + 1, out.length);
    out.splice(at, 0, out[from]!);
  }
  return out;
}

/**
 * A deterministic order story: `arrivalsPerOrder` notifications, the story's distinct facts
 * topped up with provider retries (every story has at most 9 facts).
 */
export function orderStory(
  index: number,
  arrivalsPerOrder: number,
  random: SeededRandom,
): OrderStory {
  const roll = random.int(0, 99);
  const kind = MIX.find(([, upTo]) => roll < upTo)![0];
  const quantity = random.int(10, 16);
  const unitPrice = random.int(100, 5000);
  const steps = stepsOf(kind, quantity, random);
  const arrivals = withRetries(arrivalOrder(kind, steps.length), arrivalsPerOrder, random);
  return { index, kind, quantity, unitPrice, steps, arrivals };
}
