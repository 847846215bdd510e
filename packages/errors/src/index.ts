export { ClawbackError, isClawbackError, isRetriable } from './clawback-error';
export { retry, backoffDelay, type RetryOptions } from './retry';
