import { createHash, timingSafeEqual } from 'node:crypto';

/** `viewer` reads; `operator` also resolves and redrives. */
export type Role = 'viewer' | 'operator';

/** Who a bearer token belongs to. */
export interface Principal {
  readonly role: Role;
  /** Goes into every command this principal writes. */
  readonly operatorId: string;
}

/** A configured token: only its SHA-256 is kept. */
export interface TokenEntry extends Principal {
  readonly digest: Buffer;
}

/** The shortest token accepted in configuration. */
export const MIN_TOKEN_LENGTH = 16;

const digestOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Parses `role:operatorId:token` entries separated by commas (the token may contain `:`).
 *
 * @throws RangeError saying which entry is unusable (without quoting its token).
 */
export function parseTokens(text: string): TokenEntry[] {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new RangeError('no tokens are configured');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const [role = '', operatorId = '', ...rest] = entry.split(':');
    const token = rest.join(':');
    const which = `entry ${index + 1}`;
    if (role !== 'viewer' && role !== 'operator')
      throw new RangeError(`${which}: role must be viewer or operator, not "${role}"`);
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(operatorId))
      throw new RangeError(`${which}: the operator id must be 1-64 of A-Z a-z 0-9 . _ @ -`);
    if (token.length < MIN_TOKEN_LENGTH)
      throw new RangeError(`${which}: the token is shorter than ${MIN_TOKEN_LENGTH} characters`);
    const digest = digestOf(token);
    if (seen.has(digest.toString('hex'))) throw new RangeError(`${which}: the token is repeated`);
    seen.add(digest.toString('hex'));
    return { role, operatorId, digest };
  });
}

/**
 * The principal of an `Authorization` header value, or `null`. Both sides are hashed to the
 * same length and compared with `timingSafeEqual`, against every entry, so the time taken
 * does not tell how much of a token matched or which entry did.
 */
export function authenticate(
  header: string | undefined,
  tokens: readonly TokenEntry[],
): Principal | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  if (match === null) return null;
  const presented = digestOf(match[1]!);
  let found: TokenEntry | null = null;
  for (const entry of tokens) if (timingSafeEqual(presented, entry.digest)) found = entry;
  return found === null ? null : { role: found.role, operatorId: found.operatorId };
}
