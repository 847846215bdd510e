import { authenticate, parseTokens } from './tokens';

const ALICE = 'operator-token-0123456789';
const BOB = 'viewer:token:with:colons';

describe('bearer tokens', () => {
  const tokens = parseTokens(` operator:alice:${ALICE}, viewer:bob:${BOB} `);

  it('given configured tokens, when a known one is presented, then its role and operator are known', () => {
    expect(authenticate(`Bearer ${ALICE}`, tokens)).toEqual({
      role: 'operator',
      operatorId: 'alice',
    });
    expect(authenticate(`bearer ${BOB}`, tokens)).toEqual({ role: 'viewer', operatorId: 'bob' });
  });

  it('given an unknown, truncated or missing token, when presented, then nobody is authenticated', () => {
    expect(authenticate(`Bearer ${ALICE}x`, tokens)).toBeNull();
    expect(authenticate(`Bearer ${ALICE.slice(0, -1)}`, tokens)).toBeNull();
    expect(authenticate(`Basic ${ALICE}`, tokens)).toBeNull();
    expect(authenticate(undefined, tokens)).toBeNull();
    expect(authenticate('Bearer ', tokens)).toBeNull();
  });

  it('given the configuration keeps digests only, when parsed, then no token text is kept', () => {
    expect(JSON.stringify(tokens)).not.toContain(ALICE);
  });

  it.each([
    ['', /no tokens/],
    ['admin:alice:0123456789abcdef', /role must be viewer or operator/],
    ['operator::0123456789abcdef', /operator id/],
    ['operator:alice:short', /shorter than 16/],
    [`operator:alice:${ALICE},viewer:bob:${ALICE}`, /entry 2: the token is repeated/],
  ])('given %j, when parsed, then it is refused', (text, message) => {
    expect(() => parseTokens(text)).toThrow(message);
  });

  it('given a refused entry, when reported, then its token is not quoted', () => {
    expect(() => parseTokens('operator:alice:tiny-secret')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('tiny-secret') }),
    );
  });
});
