import type { Redis } from '@clawback/redis';

/** The key of a Click2Sell checksum's fingerprint record, under the client's key prefix. */
function checksumKey(checksumKey: string): string {
  return `ingress:checksum:${checksumKey}`;
}

/**
 * The checksum-reuse record: the first fingerprint of money fields seen with a checksum is
 * kept for the dedupe's window (SET NX EX); a later notification with the same checksum and
 * another fingerprint is a copy with other money in it. A second line of defence only: if
 * the record is lost (Redis wiped, expired, down) a forged copy passes it, which is why the
 * URL token is the first (docs/providers.md).
 */
export async function sameFingerprint(
  redis: Pick<Redis, 'set' | 'get'>,
  key: string,
  fingerprint: string,
  ttlSeconds: number,
): Promise<boolean> {
  const stored = await redis.set(checksumKey(key), fingerprint, 'EX', ttlSeconds, 'NX');
  if (stored === 'OK') return true;
  return (await redis.get(checksumKey(key))) === fingerprint;
}
