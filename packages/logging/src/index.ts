export { createLogger } from './create-logger';
export type { DestinationStream, Logger } from 'pino';
export { rateLimitedLog } from './rate-limited-log';
export { maskText } from './mask-text';
