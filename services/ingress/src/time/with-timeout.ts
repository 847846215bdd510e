/** Raised by {@link withTimeout} when time runs out first. */
class TimeoutElapsed extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutElapsed';
  }
}

/**
 * Settles like `promise`, or rejects with {@link TimeoutElapsed} after `timeoutMs`. The
 * underlying work is not cancelled (kafkajs and ioredis cannot be), so callers must be fine
 * with it finishing later.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutElapsed(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, elapsed]).finally(() => clearTimeout(timer));
}
