import { ProvidersError } from '../providers-error';

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Parses JSON with every number kept as its literal text ("19.90", not 19.9), so amounts
 * never pass through a float. Numbers are quoted by a scan that skips string contents.
 */
export function parseJsonNumbersAsText(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match) {
        out += `"${match[0]}"`;
        i += match[0].length - 1;
        continue;
      }
    }
    out += char;
  }
  try {
    return JSON.parse(out) as unknown;
  } catch (error) {
    throw new ProvidersError('malformed_body', 'the body is not valid JSON', { cause: error });
  }
}
