import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the Redis module. */
export type RedisErrorCode = 'redis_unavailable' | 'redis_busy' | 'redis_command_failed';

/** A Redis failure with a stable code; the ioredis error is kept as `cause`. */
export class RedisError extends ClawbackError<RedisErrorCode> {
  constructor(
    code: RedisErrorCode,
    message: string,
    options: { retriable: boolean; cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Server replies that mean "not now" rather than "never". */
const transientReplies = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/;

/** Socket-level failures: the server is down, restarting or unreachable. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * Maps what ioredis throws to a {@link RedisError}. Connection problems and transient server
 * states are retriable; a command the server rejects (wrong type, syntax) is not.
 */
export function toRedisError(error: unknown, context?: string): RedisError {
  if (error instanceof RedisError) return error;
  const { name, message, code } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const full = context ? `${context}: ${text}` : text;
  if (name === 'ReplyError') {
    return transientReplies.test(text)
      ? new RedisError('redis_busy', full, { retriable: true, cause: error })
      : new RedisError('redis_command_failed', full, { retriable: false, cause: error });
  }
  const unavailable =
    name === 'MaxRetriesPerRequestError' ||
    (typeof code === 'string' && networkCodes.has(code)) ||
    /Connection is closed|Stream isn't writeable|connect ETIMEDOUT/.test(text);
  return unavailable
    ? new RedisError('redis_unavailable', full, { retriable: true, cause: error })
    : new RedisError('redis_command_failed', full, { retriable: false, cause: error });
}
