export { readAll, type ReadAllOptions, type ReadRecord } from './read-all';
export {
  postNotification,
  type IngressAnswer,
  type NotificationBody,
  type NotificationRoute,
} from './post-notification';
export { BUILD_MARKER, builtEntryPoint, ensureBuilt } from './built-output';
export { startLocalCluster, type ClusterNode, type LocalCluster } from './local-cluster';
export { startSecureBroker, type SecureBroker } from './secure-broker';
export { startChildService, type ChildService, type ChildServiceOptions } from './child-service';
export { freePort, freePorts } from './free-port';
export { seededRandom } from './seeded-random';
export { loseRandomHalf } from './random-key-loss';
export { createTestContext, uniqueTestId, type TestContext } from './test-context';
export { waitFor } from './wait-for';
