import { invalidDate, isoUtc } from './wall-time';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The record's `receivedAt` (ISO 8601) as ISO UTC in whole seconds, when it is valid. */
export function receivedAtUtc(receivedAt: string | undefined): string | undefined {
  if (receivedAt === undefined) return undefined;
  const ms = ISO.test(receivedAt) ? Date.parse(receivedAt) : NaN;
  if (Number.isNaN(ms)) throw invalidDate('receivedAt', receivedAt);
  return isoUtc(Math.floor(ms / 1000) * 1000);
}
