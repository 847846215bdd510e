export { ClawbackError, isClawbackError, isRetriable } from './clawback-error';
export { retry } from './retry';
