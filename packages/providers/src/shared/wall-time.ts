import { ProvidersError } from '../providers-error';

/** A calendar date and clock time with no zone, as providers write them. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Builds a {@link WallTime} from regex captures, checking the calendar (no 30 February). */
export function wallTimeOf(
  parts: readonly (string | undefined)[],
  field: string,
  raw: string,
): WallTime {
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? '0'));
  const wall = {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
  };
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const back = new Date(ms);
  const valid =
    wall.year >= 1970 &&
    back.getUTCFullYear() === wall.year &&
    back.getUTCMonth() === wall.month - 1 &&
    back.getUTCDate() === wall.day &&
    back.getUTCHours() === wall.hour &&
    back.getUTCMinutes() === wall.minute &&
    back.getUTCSeconds() === wall.second;
  if (!valid) throw invalidDate(field, raw);
  return wall;
}

/** The `invalid_date` error for `raw` in `field`. */
export function invalidDate(field: string, raw: string): ProvidersError {
  return new ProvidersError('invalid_date', `${field}: "${raw}" is not a valid date`, { field });
}

/** The wall time read as if it were UTC, in milliseconds. */
export function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** ISO 8601 UTC with `Z` and whole seconds (`2026-01-31T12:00:00Z`). */
export function isoUtc(instantMs: number): string {
  // toISOString always ends in ".sssZ" (it throws for invalid dates), so cut instead of a regex.
  const iso = new Date(instantMs).toISOString();
  return `${iso.slice(0, iso.length - 5)}Z`;
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value));

/**
 * The UTC instant of a wall time (as {@link wallTimeOf} checks them) read in a fixed offset
 * from UTC (minutes east). At offset 0 a checked wall time of a four-digit year is its own
 * ISO text, written without a Date (property-tested against {@link isoUtc}).
 */
export function fixedOffsetToUtc(wall: WallTime, offsetMinutes: number): string {
  if (offsetMinutes === 0 && wall.year <= 9999) {
    const date = `${wall.year}-${twoDigits(wall.month)}-${twoDigits(wall.day)}`;
    return `${date}T${twoDigits(wall.hour)}:${twoDigits(wall.minute)}:${twoDigits(wall.second)}Z`;
  }
  return isoUtc(wallAsUtcMs(wall) - offsetMinutes * 60_000);
}
