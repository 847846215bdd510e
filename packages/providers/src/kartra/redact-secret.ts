import { percentDecode } from '../form/ordered-form';

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const SECRET_KEY = 'secret_key';

/** What replaces Kartra's echoed secret in the stored body. */
const REDACTED = 'redacted';

/**
 * The IPN body with the value of `secret_key` replaced by {@link REDACTED}, every other byte
 * unchanged: the echo is a plain shared secret and must not be kept in Kafka.
 */
export function redactKartraSecret(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i !== body.length && body[i] !== AMPERSAND) continue;
    const segment = body.subarray(start, i);
    const equals = segment.indexOf(EQUALS);
    const key = percentDecode(equals < 0 ? segment : segment.subarray(0, equals)).toString('utf8');
    parts.push(key === SECRET_KEY ? Buffer.from(`${SECRET_KEY}=${REDACTED}`, 'ascii') : segment);
    start = i + 1;
  }
  const separator = Buffer.from('&', 'ascii');
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
}
