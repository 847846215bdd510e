export { readAll, type ReadAllOptions, type ReadRecord } from './read-all';
export {
  createTestContext,
  uniqueTestId,
  type Disconnectable,
  type TestContext,
  type TestContextOptions,
} from './test-context';
export { WaitTimeoutError, waitFor, type WaitForOptions } from './wait-for';
