import { createHmac } from 'node:crypto';

/** `YYYY-MM-DD HH:mm:ss` in UTC, as the header's `date` wants it. */
export function avangateDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The `X-Avangate-Authentication` header of the 2Checkout REST API 6.0:
 * `code="<merchant>" date="<UTC Y-m-d H:i:s>" hash="<hex HMAC-MD5>"`, the HMAC keyed with the
 * account's secret key over `len(code) + code + len(date) + date` (lengths in UTF-8 bytes).
 */
export function avangateAuthentication(
  merchantCode: string,
  secretKey: string,
  epochMs: number,
): string {
  const date = avangateDate(epochMs);
  const signed = `${Buffer.byteLength(merchantCode)}${merchantCode}${Buffer.byteLength(date)}${date}`;
  const hash = createHmac('md5', secretKey).update(signed, 'utf8').digest('hex');
  return `code="${merchantCode}" date="${date}" hash="${hash}"`;
}
