import { performance } from 'node:perf_hooks';

/**
 * Epoch milliseconds with sub-millisecond resolution, comparable between processes on one
 * machine (each process's time origin is read from the same system clock).
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
