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
