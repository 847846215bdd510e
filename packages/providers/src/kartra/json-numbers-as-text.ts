import { ProvidersError } from '../providers-error';

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Parses JSON with every number kept as its literal text ("19.90", not 19.9), so amounts
 * never pass through a float. Numbers are quoted by a scan that skips string contents; the
 * text between numbers is copied in slices, not a character at a time.
 */
export function parseJsonNumbersAsText(text: string): unknown {
  let out = '';
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
      continue;
    }
    if (char === QUOTE) inString = true;
    else if (char === MINUS || (char >= ZERO && char <= NINE)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match) {
        out += `${text.slice(copied, i)}"${match[0]}"`;
        i += match[0].length - 1;
        copied = i + 1;
      }
    }
  }
  out += text.slice(copied);
  try {
    return JSON.parse(out) as unknown;
  } catch (error) {
    // V8's message quotes a snippet of the body (a buyer's name, an email): keep only where
    // the parse failed, never the text, in the message and the cause.
    const where = positionOf(error);
    const message = `the body is not valid JSON${where === undefined ? '' : ` (${where})`}`;
    throw new ProvidersError('malformed_body', message, {
      cause: new SyntaxError(where ?? 'invalid JSON'),
    });
  }
}

/** "position N" / "line L column C" from a JSON.parse error, or undefined; digits only. */
function positionOf(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : '';
  const position = /\bposition (\d+)/.exec(text);
  if (position) return `position ${position[1]}`;
  const line = /\bline (\d+) column (\d+)/.exec(text);
  if (line) return `line ${line[1]} column ${line[2]}`;
  if (/end of JSON input/.test(text)) return 'unexpected end of input';
  // "Unexpected token 'Q', "…Quimby…" is not valid JSON": no position, and the rest is body.
  if (/^Unexpected token/.test(text)) return 'unexpected token';
  return undefined;
}
