import type { EdgeDedupe } from './edge-dedupe';
import { guardedDedupe, type DedupeOperation } from './guarded-dedupe';

const never = new Promise<never>(() => {});

describe('guardedDedupe', () => {
  it('passes answers through when the store works', async () => {
    const inner: EdgeDedupe = {
      seen: (id) => Promise.resolve(id === 'known'),
      remember: () => Promise.resolve(),
    };
    const safe = guardedDedupe(inner, { timeoutMs: 1000, onError: () => {} });

    await expect(safe.seen('known')).resolves.toBe(true);
    await expect(safe.seen('new')).resolves.toBe(false);
  });

  it('treats failures and slow answers as not seen, and reports them', async () => {
    const errors: DedupeOperation[] = [];
    const failing: EdgeDedupe = {
      seen: () => Promise.reject(new Error('ECONNREFUSED')),
      remember: () => never,
    };
    const safe = guardedDedupe(failing, { timeoutMs: 10, onError: (op) => errors.push(op) });

    await expect(safe.seen('x')).resolves.toBe(false);
    await expect(safe.remember('x', 'i')).resolves.toBeUndefined();
    expect(errors).toEqual(['seen', 'remember']);
  });
});
