const DAY_MS = 86_400_000;
/** 10000-01-01: from there on `toISOString()` writes a six-digit signed year. */
const YEAR_10000_MS = 253_402_300_800_000;

/** The last day written: its number since the epoch and its `YYYY-MM-DDT` text. */
let lastDay = Number.NaN;
let lastDayText = '';

/**
 * `new Date(ms).toISOString()` for integer epoch milliseconds from 1970 to 9999. The date part is
 * computed by `toISOString()` once per day and kept (a partition's records arrive in a few
 * days' range); the time of day is written from the remainder. Same text, without a `Date`
 * and its formatting for every record.
 */
export function isoText(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= 0 && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    lastDayText = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${lastDayText}${two(hours)}:${two(minutes)}:${two(seconds)}.${three(millis)}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function three(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`;
}
