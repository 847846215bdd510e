import { randomClusterId } from './kafka-component';

describe('randomClusterId', () => {
  it('given random bytes whose base64url starts with "-", when an id is drawn, then it draws again', () => {
    // 0xf8 → base64url "-" as the first character.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = randomClusterId(() => draws.shift() ?? Buffer.alloc(16));
    expect(id.startsWith('-')).toBe(false);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toHaveLength(0);
  });

  it('gives 22 characters of URL-safe base64, never a leading "-"', () => {
    for (let i = 0; i < 500; i += 1)
      expect(randomClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });
});
