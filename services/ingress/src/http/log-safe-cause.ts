/** What may be logged of an error's cause: its stable identifiers, never its message. */
export interface LogSafeCause {
  readonly name?: string;
  readonly code?: string;
  /** Offset into the body where parsing failed, when the parser reported one. */
  readonly position?: number;
}

/**
 * Reduces a refusal's cause to fields that cannot carry request content. Parser messages
 * (V8's `JSON.parse` among them) quote the body around the error, which put a buyer's name
 * in a log line; only the error's name, code and numeric position survive here.
 */
export function logSafeCause(cause: unknown): LogSafeCause | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { name, code, message } = cause as { name?: unknown; code?: unknown; message?: unknown };
  const position = typeof message === 'string' ? /\bposition (\d+)/.exec(message)?.[1] : undefined;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(position !== undefined ? { position: Number(position) } : {}),
  };
}
