import type { OrderInput } from '@clawback/order-machine';
import type { CanonicalNotification } from '@clawback/notifications';
import { arrivalStream, type ArrivalStreamOptions } from '../synthetic/arrival-stream';
import { canonicalOf } from '../synthetic/canonical';
import { STORY_KINDS, type StoryKind } from '../synthetic/order-story';

/** The machine benchmark's prebuilt inputs and what they contain. */
export interface MachineInputs {
  readonly inputs: readonly OrderInput[];
  readonly orders: number;
  /** Arrivals that repeat an earlier one (provider retries). */
  readonly retries: number;
  readonly storyMix: Readonly<Record<StoryKind, number>>;
  readonly kindMix: Readonly<Record<string, number>>;
}

/**
 * Builds every input before timing starts. A retry reuses the object of its first arrival,
 * as a decoded retry would be equal to it.
 */
export function machineInputs(options: ArrivalStreamOptions): MachineInputs {
  const { stories, arrivals } = arrivalStream(options);
  const built = new Map<string, OrderInput>();
  const kindMix: Record<string, number> = {};
  let retries = 0;
  const inputs = arrivals.map(({ story, step }) => {
    const id = `${story.index}#${step}`;
    const existing = built.get(id);
    if (existing) {
      retries += 1;
      return existing;
    }
    const notification: CanonicalNotification = canonicalOf(story, step);
    kindMix[notification.kind] = (kindMix[notification.kind] ?? 0) + 1;
    const input: OrderInput = { type: 'notification', notification };
    built.set(id, input);
    return input;
  });
  const storyMix = Object.fromEntries(STORY_KINDS.map((k) => [k, 0])) as Record<StoryKind, number>;
  for (const story of stories) storyMix[story.kind] += 1;
  return { inputs, orders: stories.length, retries, storyMix, kindMix };
}
