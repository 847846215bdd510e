import { isEnvReference, resolveEnvReferences } from './secret-reference';

describe('resolveEnvReferences', () => {
  it('replaces references at any depth, in objects and arrays', () => {
    const resolved = resolveEnvReferences(
      { a: { env: 'A' }, b: [{ c: { env: 'C' } }, 'plain'], n: 3 },
      { A: 'alpha', C: 'gamma' },
    );

    expect(resolved).toEqual({ a: 'alpha', b: [{ c: 'gamma' }, 'plain'], n: 3 });
  });

  it('treats an empty variable as unset and names the array path', () => {
    expect(() => resolveEnvReferences({ list: [{ env: 'E' }] }, { E: '' })).toThrow(
      /list\[0\]: environment variable E is not set/,
    );
  });

  it('recognises only objects whose sole key is a string env', () => {
    expect(isEnvReference({ env: 'X' })).toBe(true);
    expect(isEnvReference({ env: 'X', other: 1 })).toBe(false);
    expect(isEnvReference({ env: 1 })).toBe(false);
    expect(isEnvReference('X')).toBe(false);
  });
});
