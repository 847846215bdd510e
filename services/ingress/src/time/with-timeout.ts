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
  // One promise and one timer per call (no race, no finally): it runs several times per request.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutElapsed(timeoutMs)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the promise's own reason, passed on unchanged
        reject(error);
      },
    );
  });
}
