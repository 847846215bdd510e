/**
 * `npm run demo` (see README.md): the scripted story and the pieces it is made of, exported for
 * anyone who wants to replay the story elsewhere.
 */
export { runDemo, type DemoOptions } from './run-demo';
export { stopKeptRuns } from './stop-kept-runs';
export { demoStory, storyOrders } from './story/demo-story';
export type { DemoOrder, StoryStep } from './story/story-step';
export {
  postNotification,
  type IngressAnswer,
  type NotificationRoute,
} from './story/notification-route';
export { DEMO_MERCHANTS, DEMO_SECRETS, demoMerchantsFile } from './merchants/demo-merchants';
export { DemoError, type DemoErrorCode } from './demo-error';
