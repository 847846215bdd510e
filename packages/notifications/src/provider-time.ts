/**
 * The earliest provider time Clawback accepts (2000-01-01T00:00:00Z). None of the providers
 * existed before it, so an earlier date is a broken or defaulted field (`0000-00-00`, epoch 0).
 */
export const EARLIEST_PROVIDER_TIME_MS = Date.UTC(2000, 0, 1);

/**
 * The latest instant any provider time (or ingress `receivedAt`) may have, whatever the
 * record says (2100-01-01T00:00:00Z). It keeps every accepted time a four-digit-year ISO
 * string, and bounds the watermark even for a record whose own `receivedAt` is absurd.
 */
export const LATEST_PROVIDER_TIME_MS = Date.UTC(2100, 0, 1);

/**
 * How far a notification's provider time may lie ahead of the ingress's `receivedAt` (24 h).
 * Provider times are wall times read in an assumed zone (Kartra: US Eastern; 2Checkout's
 * `IPN_DATE` and Click2Sell: UTC, both inferred). A wall time written in any real zone
 * (UTC−12…UTC+14) but read as US Eastern is at most 19 h ahead, read as UTC at most 14 h; the
 * rest covers provider clocks that run ahead. A constant, never a setting: the lifecycle bounds
 * the watermark with it, and a replay must bound it the same way.
 */
export const PROVIDER_TIME_FUTURE_SKEW_MS = 24 * 3_600_000;

/**
 * The latest provider time a record received at `receivedAtMs` can justify:
 * `receivedAt + skew`, never beyond {@link LATEST_PROVIDER_TIME_MS} (nor when `receivedAtMs` is
 * not a number at all).
 */
export function providerTimeCeiling(receivedAtMs: number): number {
  if (!Number.isFinite(receivedAtMs)) return LATEST_PROVIDER_TIME_MS;
  return Math.min(receivedAtMs + PROVIDER_TIME_FUTURE_SKEW_MS, LATEST_PROVIDER_TIME_MS);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * Why a normalized `occurredAt` is not a plausible provider time, or `undefined` when it is
 * (ADR 0008; since ADR 0020 an implausible time is replaced by `receivedAt`, never refused):
 * it must be ISO 8601 UTC with a four-digit year, at or after {@link EARLIEST_PROVIDER_TIME_MS},
 * and at most {@link providerTimeCeiling} of the record's `receivedAt` (epoch ms; without one,
 * at most {@link LATEST_PROVIDER_TIME_MS}). Pure: the bounds come from the record and constants.
 */
export function providerTimeProblem(
  occurredAt: string,
  receivedAtMs: number | undefined,
): string | undefined {
  const latest =
    receivedAtMs === undefined ? LATEST_PROVIDER_TIME_MS : providerTimeCeiling(receivedAtMs);
  const at = ISO_UTC.test(occurredAt) ? Date.parse(occurredAt) : NaN;
  if (!Number.isNaN(at) && at >= EARLIEST_PROVIDER_TIME_MS && at <= latest) return undefined;
  const received = receivedAtMs === undefined ? '' : ` (received ${iso(receivedAtMs)})`;
  return `provider time ${occurredAt} is outside ${iso(EARLIEST_PROVIDER_TIME_MS)} … ${iso(latest)}${received}`;
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
