import fc from 'fast-check';
import { fixedOffsetToUtc, isoUtc, wallAsUtcMs, wallTimeOf } from './wall-time';

describe('fixedOffsetToUtc', () => {
  it('writes a checked wall time at offset 0 exactly as isoUtc of its instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso)!.slice(1);
        const wall = wallTimeOf(parts, 'f', iso);
        expect(fixedOffsetToUtc(wall, 0)).toBe(isoUtc(wallAsUtcMs(wall)));
      }),
      { numRuns: 3000 },
    );
  });

  it('shifts by the offset otherwise', () => {
    const wall = wallTimeOf(['2026', '01', '31', '09', '30', '00'], 'f', 'raw');
    expect(fixedOffsetToUtc(wall, 0)).toBe('2026-01-31T09:30:00Z');
    expect(fixedOffsetToUtc(wall, -300)).toBe('2026-01-31T14:30:00Z');
  });
});
