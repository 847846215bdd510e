import { hash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

/**
 * Compares two secrets or signatures in time independent of where they differ. Both sides are
 * hashed first so that unequal lengths neither throw nor leak through an early return.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  return timingSafeEqual(digest(received), digest(expected));
}
