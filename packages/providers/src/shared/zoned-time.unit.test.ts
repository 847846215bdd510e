import fc from 'fast-check';
import { isoUtc, wallAsUtcMs, type WallTime } from './wall-time';
import { zonedToUtc } from './zoned-time';

/**
 * The version `zonedToUtc` replaced, every offset read from `formatToParts` (here of an en-GB
 * two-digit formatter, so the reference shares no formatter with the code): its reference.
 */
function referenceZonedToUtc(wall: WallTime, timeZone: string): string {
  const two = '2-digit';
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: two,
    day: two,
    hour: two,
    minute: two,
    second: two,
  });
  const offsetAt = (instantMs: number): number => {
    const field = new Map(formatter.formatToParts(instantMs).map((p) => [p.type, +p.value]));
    const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) =>
      field.get(type as Intl.DateTimeFormatPartTypes)!,
    );
    return Date.UTC(y!, mo! - 1, d, h, mi, s) - instantMs;
  };
  const asUtc = wallAsUtcMs(wall);
  const day = 86_400_000;
  const candidates = [...new Set([offsetAt(asUtc - day), offsetAt(asUtc + day)])];
  const matching = candidates
    .map((offset) => asUtc - offset)
    .filter((instant) => offsetAt(instant) === asUtc - instant)
    .sort((a, b) => a - b);
  return isoUtc(matching[0] ?? asUtc - offsetAt(asUtc - day));
}

// Zones with DST both ways, half- and quarter-hour offsets, an odd pre-1972 offset, none.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Africa/Monrovia',
  'America/Sao_Paulo',
  'UTC',
];

const wallOf = (ms: number): WallTime => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

describe('zonedToUtc against the formatToParts version', () => {
  it('gives the same instant for any wall time from 1970 to 2100, in every zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const wall = wallOf(ms);
          expect(zonedToUtc(wall, zone)).toBe(referenceZonedToUtc(wall, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same instant around every New York and Lord Howe transition of 2026', () => {
    const edges = [
      ['America/New_York', Date.UTC(2026, 2, 8, 2)],
      ['America/New_York', Date.UTC(2026, 10, 1, 1)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 5, 1, 30)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 4, 2)],
    ] as const;
    for (const [zone, edge] of edges) {
      for (let minutes = -90; minutes <= 90; minutes += 15) {
        const wall = wallOf(edge + minutes * 60_000);
        expect(zonedToUtc(wall, zone)).toBe(referenceZonedToUtc(wall, zone));
      }
    }
  });
});
