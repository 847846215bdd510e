import { invalidDate, wallTimeOf } from '../shared/wall-time';
import { zonedToUtc } from '../shared/zoned-time';

/**
 * Kartra writes `yyyy-mm-dd hh:mm:ss` "EST". Read as the US Eastern clock with daylight
 * saving (America/New_York): US services say "EST" for the Eastern clock all year, and a
 * fixed UTC-5 would put every summer event an hour late (inferred, see docs/providers.md).
 */
const KARTRA_TIME_ZONE = 'America/New_York';

const DASHED = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** A Kartra `transaction_date` as ISO UTC. */
export function kartraDateToUtc(raw: string, field = 'transaction_date'): string {
  const match = DASHED.exec(raw);
  if (!match) throw invalidDate(field, raw);
  return zonedToUtc(wallTimeOf(match.slice(1), field, raw), KARTRA_TIME_ZONE);
}
