import avro from 'avsc';
import fc from 'fast-check';
import { WireEncoder, isWireType, wireBody, wireSchemaId } from './wire-format';

const type = avro.Type.forSchema({
  type: 'record',
  name: 'Sample',
  fields: [
    { name: 'text', type: 'string' },
    { name: 'amount', type: 'long' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
});

/** What the client library writes: the avsc body behind a magic byte and the 4-byte id. */
function libraryFraming(id: number, value: unknown): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, type.toBuffer(value)]);
}

const sample = fc.record({
  text: fc.string({ maxLength: 300 }),
  // avsc's `long` takes integers up to 2^53 − 2 in magnitude (it refuses ±(2^53 − 1)): values
  // it refuses are covered by their own test below.
  amount: fc.integer({ min: -(2 ** 53 - 2), max: 2 ** 53 - 2 }),
  note: fc.option(fc.string(), { nil: null }),
});

describe('WireEncoder', () => {
  it('writes the same bytes as the library framing, one encoder reused across values', () => {
    const encoder = new WireEncoder();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), sample, (id, value) => {
        expect(encoder.encode(id, type, value).equals(libraryFraming(id, value))).toBe(true);
      }),
    );
  });

  it('grows for a value larger than its buffer and stays correct for small ones after', () => {
    const encoder = new WireEncoder();
    const large = { text: 'x'.repeat(200_000), amount: 1, note: 'y'.repeat(70_000) };
    const small = { text: 'a', amount: -5, note: null };
    expect(encoder.encode(7, type, large).equals(libraryFraming(7, large))).toBe(true);
    expect(encoder.encode(7, type, small).equals(libraryFraming(7, small))).toBe(true);
  });

  it('throws for a value the schema refuses', () => {
    expect(() =>
      new WireEncoder().encode(1, type, { text: 'a', amount: 1.5, note: null }),
    ).toThrow();
    expect(() =>
      new WireEncoder().encode(1, type, { text: 'a', amount: 2 ** 53 - 1, note: null }),
    ).toThrow();
  });
});

describe('wire framing', () => {
  it('reads the id and body back, and no id without the magic byte', () => {
    const framed = libraryFraming(4242, { text: 'k', amount: 3, note: null });
    expect(wireSchemaId(framed)).toBe(4242);
    expect(type.fromBuffer(wireBody(framed))).toEqual({ text: 'k', amount: 3, note: null });
    expect(wireSchemaId(Buffer.from([1, 0, 0, 0, 1]))).toBeUndefined();
    expect(wireSchemaId(Buffer.from([0, 0]))).toBeUndefined();
  });

  it('recognises an avsc type and nothing else', () => {
    expect(isWireType(type)).toBe(true);
    expect(isWireType({ fromBuffer: () => 1 })).toBe(false);
    expect(isWireType(null)).toBe(false);
  });
});
