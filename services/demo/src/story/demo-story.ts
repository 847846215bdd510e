import { lumenStory } from './lumen-story';
import { northwindStory } from './northwind-story';
import { pageboundStory } from './pagebound-story';
import type { DemoOrder, StoryStep } from './story-step';

/**
 * The scripted story: three merchants, one per provider, posting what their providers would
 * send, in the order it reaches Clawback. Provider times stay within a few days of each other
 * so nothing parked ages into an orphan (the horizon is provider time, 7 days by default).
 */
export function demoStory(): readonly StoryStep[] {
  return [...northwindStory(), ...lumenStory(), ...pageboundStory()];
}

/** The story's orders, in the order they first appear. */
export function storyOrders(steps: readonly StoryStep[]): readonly DemoOrder[] {
  const orders = new Map<string, DemoOrder>();
  for (const step of steps)
    if (!orders.has(step.order.orderKey)) orders.set(step.order.orderKey, step.order);
  return [...orders.values()];
}
