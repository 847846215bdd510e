import { hexDigit } from '../form/hex-digit';

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;
const SECRET_KEY = Buffer.from('secret_key', 'ascii');

/** What replaces Kartra's echoed secret in the stored body. */
const REDACTED = Buffer.from('secret_key=redacted', 'ascii');

/**
 * Whether the key of the segment `body[start, end)` (up to its first `=`) decodes to
 * `secret_key`, compared byte by byte while decoding, without a buffer or string per segment.
 * An escape is decoded only before two hex digits and `=` is none, so no escape spans the
 * key's end: bounding escapes by the segment decodes the key as the form decoder does.
 */
function isSecretKeySegment(body: Buffer, start: number, end: number): boolean {
  let matched = 0;
  for (let i = start; i < end; i++) {
    let byte = body[i]!;
    if (byte === EQUALS) break;
    if (byte === PLUS) byte = SPACE;
    else if (byte === PERCENT && i + 2 < end) {
      const high = hexDigit(body[i + 1]!);
      const low = hexDigit(body[i + 2]!);
      if (high >= 0 && low >= 0) {
        byte = high * 16 + low;
        i += 2;
      }
    }
    if (matched === SECRET_KEY.length || byte !== SECRET_KEY[matched]) return false;
    matched++;
  }
  return matched === SECRET_KEY.length;
}

/**
 * The IPN body with the value of `secret_key` replaced by `redacted`, every other byte
 * unchanged: the echo is a plain shared secret and must not be kept in Kafka. A body without
 * it is returned as is.
 */
export function redactKartraSecret(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let kept = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i !== body.length && body[i] !== AMPERSAND) continue;
    if (isSecretKeySegment(body, start, i)) {
      parts.push(body.subarray(kept, start), REDACTED);
      kept = i;
    }
    start = i + 1;
  }
  if (parts.length === 0) return body;
  parts.push(body.subarray(kept));
  return Buffer.concat(parts);
}
