import { isoUtc, wallAsUtcMs, type WallTime } from './wall-time';

/** A zone's formatter, and whether its `format()` output can be read with {@link PLAIN}. */
interface ZoneClock {
  readonly formatter: Intl.DateTimeFormat;
  readonly plain: boolean;
}

/** `format()` of the formatter below: `1/31/2026, 09:30:00`. */
const PLAIN = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;
const PLAIN_LAYOUT = 'month/day/year, hour:minute:second';

const clocks = new Map<string, ZoneClock>();

function clockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
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
    // `format()` is the parts joined, at a fifth of `formatToParts()`'s cost; read it with one
    // regex only when the parts come in the expected layout (checked once per zone).
    const layout = formatter
      .formatToParts(0)
      .map((part) => (part.type === 'literal' ? part.value : part.type))
      .join('');
    clock = { formatter, plain: layout === PLAIN_LAYOUT };
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The zone's wall clock at `instantMs`, read as if it were UTC. */
function localMs(clock: ZoneClock, instantMs: number): number {
  const plain = clock.plain ? PLAIN.exec(clock.formatter.format(instantMs)) : null;
  if (plain) {
    const [, month, day, year, hour, minute, second] = plain.map(Number);
    return Date.UTC(year!, month! - 1, day, hour, minute, second);
  }
  const parts = Object.fromEntries(
    clock.formatter.formatToParts(instantMs).map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The zone's offset from UTC at `instantMs`, in milliseconds (IANA data via Intl). */
function offsetAt(instantMs: number, clock: ZoneClock): number {
  return localMs(clock, instantMs) - instantMs;
}

/**
 * The UTC instant of a wall time read in an IANA zone. Deterministic at DST edges: a time
 * that occurs twice (autumn) resolves to the earlier instant; a time skipped (spring) is read
 * with the offset in force just before the gap.
 */
export function zonedToUtc(wall: WallTime, timeZone: string): string {
  const clock = clockFor(timeZone);
  const asUtc = wallAsUtcMs(wall);
  const day = 86_400_000;
  const before = offsetAt(asUtc - day, clock);
  const after = offsetAt(asUtc + day, clock);
  // One offset on both sides: whether or not it checks out, the answer is `asUtc - before`
  // (the fallback below gives the same), so the check is not made.
  if (before === after) return isoUtc(asUtc - before);
  const matching = [before, after]
    .map((offset) => asUtc - offset)
    .filter((instant) => offsetAt(instant, clock) === asUtc - instant)
    .sort((a, b) => a - b);
  return isoUtc(matching[0] ?? asUtc - before);
}
