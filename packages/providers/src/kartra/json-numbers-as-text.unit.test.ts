import fc from 'fast-check';
import { parseJsonNumbersAsText } from './json-numbers-as-text';

describe('parseJsonNumbersAsText', () => {
  it('keeps number literals as their exact text', () => {
    expect(parseJsonNumbersAsText('{"a":19.90,"b":[-1,2e3],"c":0.1}')).toEqual({
      a: '19.90',
      b: ['-1', '2e3'],
      c: '0.1',
    });
  });

  it('leaves digits inside strings, including after escaped quotes, alone', () => {
    expect(parseJsonNumbersAsText('{"a":"x\\"1.5","b":"-2"}')).toEqual({ a: 'x"1.5', b: '-2' });
  });

  it('keeps true, false and null', () => {
    expect(parseJsonNumbersAsText('[true,false,null]')).toEqual([true, false, null]);
  });

  it('is malformed_body for anything that is not JSON', () => {
    for (const text of ['{', 'abc', '{"a":1.}', '']) {
      expect(() => parseJsonNumbersAsText(text)).toThrow(
        expect.objectContaining({ code: 'malformed_body' }),
      );
    }
  });

  it('carries no fragment of the body in the error message or its cause', () => {
    const bodies = [
      '{"buyer":{"first_name": Quimby-Hartwell}}',
      'Zoë Quimby-Hartwell',
      '{"buyer":{"first_name":"Zoë Quimby-Hartwell", oops}}',
      '{"buyer":{"first_name":"Zoë Quimby-Hartwell"}',
      '{"lead":{"email":"zoe.quimby@example.com"} trailing Quimby-Hartwell}',
    ];
    for (const text of bodies) {
      let thrown: unknown;
      try {
        parseJsonNumbersAsText(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'malformed_body' });
      const error = thrown as Error & { cause?: unknown };
      const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
      for (const said of [error.message, cause, JSON.stringify(error)]) {
        expect(said).not.toMatch(/Quimby|Hartwell|zoe|Zoë|oops|trailing/);
      }
    }
  });
});

/** The character-at-a-time version: the reference the slicing scan must match. */
function referenceQuoted(text: string): string {
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
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
      number.lastIndex = i;
      const match = number.exec(text);
      if (match) {
        out += `"${match[0]}"`;
        i += match[0].length - 1;
        continue;
      }
    }
    out += char;
  }
  return out;
}

describe('parseJsonNumbersAsText against the character-at-a-time reference', () => {
  const outcome = (read: () => unknown): unknown => {
    try {
      return { value: read() };
    } catch {
      return 'not JSON';
    }
  };
  const jsonLike = fc
    .array(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '-', '1', '2.5', 'e3', 'a', ' '),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join(''));

  it('gives the same value or the same error for JSON and almost-JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), jsonLike, fc.string({ maxLength: 30 })), (text) => {
        expect(outcome(() => parseJsonNumbersAsText(text))).toEqual(
          outcome(() => JSON.parse(referenceQuoted(text)) as unknown),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
