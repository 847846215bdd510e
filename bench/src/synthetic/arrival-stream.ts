import { orderStory, type OrderStory } from './order-story';
import { seededRandom } from './seeded-random';

/** Options of {@link arrivalStream}. */
export interface ArrivalStreamOptions {
  readonly orders: number;
  /** Notifications per order, retries included; at least 9 (the longest story). */
  readonly arrivalsPerOrder: number;
  readonly seed: number;
  /**
   * Orders whose notifications interleave: one order's notifications are spread over about
   * `window × arrivalsPerOrder` positions of the log, as concurrent orders are. Default 1,000.
   */
  readonly window?: number;
}

/** One arrival: a step of a story. */
interface Arrival {
  readonly story: OrderStory;
  readonly step: number;
}

/** Every story and the log of arrivals, each order's own arrivals in story order. */
export interface ArrivalStream {
  readonly stories: readonly OrderStory[];
  readonly arrivals: readonly Arrival[];
}

/**
 * A deterministic synthetic log: `orders × arrivalsPerOrder` notifications. Orders are taken
 * a window at a time, in a shuffled order, one notification of each per round.
 */
export function arrivalStream(options: ArrivalStreamOptions): ArrivalStream {
  if (options.arrivalsPerOrder < 9) throw new RangeError('arrivalsPerOrder must be at least 9');
  const random = seededRandom(options.seed);
  const window = options.window ?? 1000;
  const stories = Array.from({ length: options.orders }, (_, i) =>
    orderStory(i, options.arrivalsPerOrder, random),
  );
  const arrivals: Arrival[] = [];
  for (let start = 0; start < stories.length; start += window) {
    const batch = stories.slice(start, start + window);
    for (let i = batch.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    for (let round = 0; round < options.arrivalsPerOrder; round++) {
      for (const story of batch) arrivals.push({ story, step: story.arrivals[round]! });
    }
  }
  return { stories, arrivals };
}
