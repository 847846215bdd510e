/**
 * The avsc operations the Confluent wire format needs; avsc `Type` has them. Kept structural,
 * because the client library types its schemas loosely.
 */
export interface WireType {
  encode(value: unknown, buffer: Buffer, position: number): number;
  fromBuffer(buffer: Buffer): unknown;
}

/** Magic byte and 4-byte schema id before every Avro body (Confluent wire format). */
const HEADER_BYTES = 5;

/**
 * Writes Confluent-framed Avro values straight into one buffer each. The client library's
 * `encode` serialises into avsc's pool, copies that into a new buffer and then concatenates
 * it behind a freshly allocated header: three allocations and two copies per value, on the
 * hot path of every consumer. The bytes are the same: the same avsc type writes the body.
 */
export class WireEncoder {
  /** Reused between calls: encoding is synchronous, so one value at a time uses it. */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /** The framed bytes of `value` (throws what avsc throws for a value the type refuses). */
  encode(id: number, type: WireType, value: unknown): Buffer {
    for (;;) {
      const end = type.encode(value, this.scratch, HEADER_BYTES);
      if (end >= 0) {
        const framed = Buffer.allocUnsafe(end);
        this.scratch.copy(framed, 0, 0, end);
        framed[0] = 0;
        framed.writeInt32BE(id, 1);
        return framed;
      }
      // avsc answers a too-small buffer with minus the missing bytes.
      this.scratch = Buffer.allocUnsafe(
        Math.max(2 * this.scratch.length, this.scratch.length - end),
      );
    }
  }
}

/** The schema id of a framed value, or `undefined` when it is not framed (no magic byte). */
export function wireSchemaId(buffer: Buffer): number | undefined {
  return buffer.length >= HEADER_BYTES && buffer[0] === 0 ? buffer.readInt32BE(1) : undefined;
}

/** The Avro body of a framed value. */
export function wireBody(buffer: Buffer): Buffer {
  return buffer.subarray(HEADER_BYTES);
}

/** Whether the library's schema object is an avsc type with what {@link WireEncoder} needs. */
export function isWireType(schema: unknown): schema is WireType {
  const candidate = schema as Partial<WireType> | null;
  return typeof candidate?.encode === 'function' && typeof candidate.fromBuffer === 'function';
}
