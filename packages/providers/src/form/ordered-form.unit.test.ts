import { decodeOrderedForm } from './ordered-form';

const body = (text: string): Buffer => Buffer.from(text, 'latin1');
const keys = (text: string): string[] => decodeOrderedForm(body(text)).fields.map((f) => f.key);
const texts = (text: string, key: string): string[] =>
  decodeOrderedForm(body(text))
    .byKey.get(key)!
    .values.map((v) => v.text);

describe('decodeOrderedForm', () => {
  it('keeps the received order of scalar fields', () => {
    expect(keys('B=1&A=2&C=3')).toEqual(['B', 'A', 'C']);
  });

  it('groups every value of a [] key at its first position, as PHP does', () => {
    const text = 'A=1&IPN_PID%5B%5D=p1&IPN_PNAME[]=n1&IPN_PID[]=p2&IPN_PNAME[]=n2&Z=9';
    expect(keys(text)).toEqual(['A', 'IPN_PID[]', 'IPN_PNAME[]', 'Z']);
    expect(texts(text, 'IPN_PID[]')).toEqual(['p1', 'p2']);
    expect(texts(text, 'IPN_PNAME[]')).toEqual(['n1', 'n2']);
  });

  it('decodes exactly once: %2541 stays "%41", + is a space, stray % is literal', () => {
    expect(texts('a=%2541', 'a')).toEqual(['%41']);
    expect(texts('a=x+y%20z', 'a')).toEqual(['x y z']);
    expect(texts('a=100%&b=%zz%4', 'a')).toEqual(['100%']);
    expect(texts('a=100%&b=%zz%4', 'b')).toEqual(['%zz%4']);
  });

  it('keeps the decoded bytes of values that are not UTF-8 (signatures hash bytes)', () => {
    const field = decodeOrderedForm(body('name=M%FCller')).byKey.get('name')!;
    expect([...field.values[0]!.bytes]).toEqual([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
  });

  it('reads multi-byte UTF-8 values', () => {
    expect(texts('n=Zo%C3%AB', 'n')).toEqual(['Zoë']);
  });

  it('treats a key without = as an empty value and skips empty segments', () => {
    expect(keys('&&a&b=&&')).toEqual(['a', 'b']);
    expect(texts('a&b=', 'a')).toEqual(['']);
  });

  it('refuses a scalar key sent twice, so the signed and the read value cannot differ', () => {
    expect(() => decodeOrderedForm(body('REFNO=1&REFNO=2'))).toThrow(
      expect.objectContaining({ code: 'malformed_body', field: 'REFNO' }),
    );
  });

  it('refuses an empty body', () => {
    expect(() => decodeOrderedForm(body(''))).toThrow(
      expect.objectContaining({ code: 'malformed_body' }),
    );
    expect(() => decodeOrderedForm(body('&&'))).toThrow(
      expect.objectContaining({ code: 'malformed_body' }),
    );
  });
});
