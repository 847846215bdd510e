import fc from 'fast-check';
import { isoUtc, wallAsUtcMs, type WallTime } from './wall-time';
import { zonedToUtc } from './zoned-time';

/** The version `zonedToUtc` replaced (every offset through `formatToParts`): its reference. */
function referenceZonedToUtc(wall: WallTime, timeZone: string): string {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (instantMs: number): number => {
    const parts = Object.fromEntries(
      formatter.formatToParts(instantMs).map((part) => [part.type, part.value]),
    );
    const local = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return local - instantMs;
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
