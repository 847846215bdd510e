import fc from 'fast-check';
import { isoText } from './iso-text';

describe('isoText', () => {
  it('writes the same text as toISOString for any integer epoch ms, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -10_000_000_000_000, max: 8_640_000_000_000_000 }),
            fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (all) => {
          for (const ms of all) expect(isoText(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes the day boundaries and the last millisecond of a day exactly', () => {
    for (const ms of [
      0, 86_399_999, 86_400_000, 951_782_400_000, 951_868_799_999, 4_102_444_799_999,
    ])
      expect(isoText(ms)).toBe(new Date(ms).toISOString());
  });
});
