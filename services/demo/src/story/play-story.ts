import { DemoError } from '../demo-error';
import type { Progress } from '../progress';
import { postNotification } from './notification-route';
import type { StoryStep } from './story-step';

/**
 * Posts every step to the real ingress, in order, one progress line each. Every authentic
 * notification must be answered 200, the duplicate and the over-refund included: the ingress
 * stores facts; deciding what they mean is the lifecycle's job.
 *
 * @throws DemoError `demo_step_refused` when the ingress answers anything else.
 */
export async function playStory(
  ingressUrl: string,
  steps: readonly StoryStep[],
  progress: Progress,
): Promise<void> {
  const where = (step: StoryStep) =>
    `${step.route.provider}/${step.route.merchantId} ${step.order.orderKey.split(':')[2]}`;
  const whereWidth = Math.max(...steps.map((step) => where(step).length));
  const whatWidth = Math.max(...steps.map((step) => step.happened.length));
  for (const [index, step] of steps.entries()) {
    const answer = await postNotification(ingressUrl, step.route, step.body);
    progress(
      `${String(index + 1).padStart(2)}. ${where(step).padEnd(whereWidth)}  ` +
        `${step.happened.padEnd(whatWidth)}  -> ${answer.status}  expect: ${step.expected}`,
    );
    if (answer.status !== 200) {
      throw new DemoError(
        'demo_step_refused',
        `the ingress answered ${answer.status} to step ${index + 1} (${step.happened}): ${answer.body}`,
      );
    }
  }
}
