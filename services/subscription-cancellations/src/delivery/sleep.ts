import { CancellationError } from '../cancellation-error';

/**
 * Waits `ms`, or rejects with `delivery_interrupted` as soon as `signal` aborts, so that a
 * stopping service does not sit out a long backoff.
 */
export function interruptibleSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const interrupted = () =>
      new CancellationError('delivery_interrupted', 'the service is stopping');
    if (signal.aborted) {
      reject(interrupted());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(interrupted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
