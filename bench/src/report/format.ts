/** Figures for humans: thousands separators, fixed decimals; JSON keeps the raw numbers. */

/** `1234567.8` → `1,234,568`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A value with `digits` decimals and thousands separators. */
export function formatFixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Bytes as MiB with one decimal. */
export function formatMiB(bytes: number): string {
  return `${formatFixed(bytes / 1024 / 1024, 1)} MiB`;
}

/** A ratio as `0.42×`. */
export function formatRatio(value: number): string {
  return `${formatFixed(value, 2)}×`;
}

/** Rounds to `digits` decimals for the JSON file (sub-nanosecond noise is not a figure). */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
