export { readAll, type ReadRecord } from './read-all';
export { postNotification, type IngressAnswer, type NotificationRoute } from './post-notification';
export { startChildService, type ChildService } from './child-service';
export { freePort, freePorts } from './free-port';
export { seededRandom } from './seeded-random';
export { loseRandomHalf } from './random-key-loss';
export { createTestContext, uniqueTestId, type TestContext } from './test-context';
export { waitFor } from './wait-for';
