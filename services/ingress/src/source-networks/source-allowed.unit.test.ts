import { sourceAllowed } from './source-allowed';

describe('sourceAllowed', () => {
  it.each([
    [undefined, '198.51.100.7', true],
    [[], '198.51.100.7', true],
    [['203.0.113.0/24'], '203.0.113.9', true],
    [['203.0.113.0/24'], '::ffff:203.0.113.9', true],
    [['203.0.113.0/24'], '198.51.100.7', false],
    [['203.0.113.5'], '203.0.113.5', true],
    [['2001:db8::/32'], '2001:db8::1', true],
    [['2001:db8::/32'], '127.0.0.1', false],
    [['203.0.113.0/24'], undefined, false],
  ])('given networks %j and peer %s, then allowed is %s', (networks, peer, allowed) => {
    expect(sourceAllowed(networks, peer)).toBe(allowed);
  });

  it('given the same networks array for several peers, then each peer gets its own answer', () => {
    const networks = ['203.0.113.0/24', '2001:db8::/32'];
    expect(sourceAllowed(networks, '203.0.113.9')).toBe(true);
    expect(sourceAllowed(networks, '198.51.100.7')).toBe(false);
    expect(sourceAllowed(networks, '2001:db8::1')).toBe(true);
    expect(sourceAllowed(networks, '::ffff:198.51.100.7')).toBe(false);
  });
});
