import { fixedOffsetToUtc, invalidDate, wallTimeOf } from '../shared/wall-time';

const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * `IPN_DATE` (`YmdHis`) as ISO UTC. The docs give no zone; read as UTC (inferred, see
 * docs/providers.md). `TIMEZONE_OFFSET` is not used: its documented meaning is unknown.
 */
export function ipnDateToUtc(raw: string, field = 'IPN_DATE'): string {
  const match = COMPACT.exec(raw);
  if (!match) throw invalidDate(field, raw);
  return fixedOffsetToUtc(wallTimeOf(match.slice(1), field, raw), 0);
}
