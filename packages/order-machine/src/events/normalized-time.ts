const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

/** The decimal value of `count` ASCII digits at `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.mmm]Z` with every field in range is already the `toISOString()` form,
 * or is it once `.000` is added; anything else (a day past the month's end or `24:00`, which
 * `Date.parse` rolls over, other precisions) is `null` and goes the slow way.
 */
function textually(text: string): string | null {
  // The same text comes twice per notification (placing it, then stamping its events): the
  // last answer is kept, keyed by the text itself, so it is parsed and built once.
  if (text === lastText) return lastResult;
  lastResult = parsedTextually(text);
  lastText = text;
  return lastResult;
}

let lastText: string | undefined;
let lastResult: string | null = null;

function parsedTextually(text: string): string | null {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text[length - 1] !== 'Z') return null;
  if (length === 24 && (text[19] !== '.' || digits(text, 20, 3) < 0)) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return null;
  if (text[16] !== ':') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return length === 24 ? text : `${text.slice(0, 19)}.000Z`;
}

/** True when `text` is provider time in one of the usual forms (then `Date.parse` accepts it). */
export function isUsualProviderTime(text: string): boolean {
  return textually(text) !== null;
}

/**
 * Provider time normalized to `toISOString()` form, so that equal instants written differently
 * by providers (`...:00Z`, `...:00.000Z`) give byte-identical events. The usual forms are
 * normalized as text (a `Date` round trip was a tenth of `decide`'s time); a property test
 * proves both ways agree.
 */
export function normalizedTime(occurredAt: string): string {
  return textually(occurredAt) ?? new Date(Date.parse(occurredAt)).toISOString();
}
