import fc from 'fast-check';
import { isUsualProviderTime, normalizedTime } from './normalized-time';

const slow = (text: string): string => new Date(Date.parse(text)).toISOString();

/** Provider-time shaped text with each field anywhere in its digits' range. */
const isoLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.option(fc.integer({ min: 0, max: 999 })),
  )
  .map(([y, mo, d, h, mi, s, ms]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const fraction = ms === null ? '' : `.${String(ms).padStart(3, '0')}`;
    return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${fraction}Z`;
  });

describe('normalizedTime', () => {
  it('equals the Date round trip for every instant, with and without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(normalizedTime(iso)).toBe(iso);
        const seconds = `${iso.slice(0, 19)}Z`;
        expect(normalizedTime(seconds)).toBe(slow(seconds));
      }),
    );
  });

  it('equals the Date round trip on out-of-range fields Date.parse still accepts', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        if (isUsualProviderTime(text)) expect(Date.parse(text)).not.toBeNaN();
        if (Number.isNaN(Date.parse(text))) return;
        expect(normalizedTime(text)).toBe(slow(text));
      }),
      { numRuns: 2000 },
    );
    expect(normalizedTime('2026-02-29T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(normalizedTime('2024-02-29T24:00:00Z')).toBe('2024-03-01T00:00:00.000Z');
  });
});
