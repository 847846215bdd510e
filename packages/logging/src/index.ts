export { createLogger, type LoggerOptions } from './create-logger';
export { maskJsonLine, maskText, passesLuhn } from './mask-text';
export { censor, redactKeys } from './redact-keys';
export { httpRedactPaths, isSensitiveKey, normalizeKey, sensitiveKeys } from './sensitive-keys';
export type { Logger, LevelWithSilent as LogLevel } from 'pino';
export {
  rateLimitedLog,
  type RateLimitedLog,
  type RateLimitedLogOptions,
} from './rate-limited-log';
