/** One decoded value: its UTF-8 text and the exact bytes it decoded to (what signatures hash). */
export interface FormValue {
  readonly text: string;
  readonly bytes: Buffer;
}

/**
 * One field in received order. A key ending in `[]` is an array key: every value sent under it
 * is grouped here, at the position of its first occurrence (as PHP builds `$_POST`, which the
 * providers' own plugins hash). Any other key has exactly one value.
 */
export interface FormField {
  readonly key: string;
  readonly isArray: boolean;
  readonly values: readonly FormValue[];
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** A body's decoded bytes and, made once on first use, their Latin-1 text (ASCII slices). */
export class DecodedBody {
  private latin1: string | undefined;

  constructor(
    readonly out: Buffer,
    private readonly end: number,
  ) {}

  /** The text of `out[from, to)`: a slice of one string when ASCII, else UTF-8 decoded. */
  text(ascii: boolean, from: number, to: number): string {
    if (!ascii) return utf8.decode(this.out.subarray(from, to));
    this.latin1 ??= this.out.toString('latin1', 0, this.end);
    return this.latin1.slice(from, to);
  }
}

/** A value whose text and bytes are made from the decoded body each time they are read. */
class DecodedValue implements FormValue {
  constructor(
    readonly body: DecodedBody,
    readonly start: number,
    readonly end: number,
    private readonly ascii: boolean,
  ) {}

  get text(): string {
    return this.body.text(this.ascii, this.start, this.end);
  }

  get bytes(): Buffer {
    return this.body.out.subarray(this.start, this.end);
  }
}

/**
 * A field whose value objects are made when first asked for: an IPN has some fifty fields and
 * a normalizer reads a third of them. The first value's range is kept inline, further values
 * of an array key as (start, end, ASCII) triples.
 */
export class DecodedField implements FormField {
  private more: number[] | undefined;
  private made: readonly FormValue[] | undefined;

  constructor(
    readonly key: string,
    readonly isArray: boolean,
    private readonly body: DecodedBody,
    private readonly start: number,
    private readonly end: number,
    private readonly ascii: boolean,
  ) {}

  /** Adds a further value of an array key (before `values` is first read). */
  add(start: number, end: number, ascii: boolean): void {
    (this.more ??= []).push(start, end, ascii ? 1 : 0);
  }

  /** See {@link forEachValueRange}. */
  forEachRange(visit: RangeVisitor): void {
    const { out } = this.body;
    visit(out, this.start, this.end);
    const more = this.more ?? [];
    for (let i = 0; i < more.length; i += 3) visit(out, more[i]!, more[i + 1]!);
  }

  get values(): readonly FormValue[] {
    if (this.made === undefined) {
      const values = [new DecodedValue(this.body, this.start, this.end, this.ascii)];
      const more = this.more ?? [];
      for (let i = 0; i < more.length; i += 3) {
        values.push(new DecodedValue(this.body, more[i]!, more[i + 1]!, more[i + 2] === 1));
      }
      this.made = values;
    }
    return this.made;
  }
}

/** Receives one value's decoded bytes as `bytes[start, end)`. */
type RangeVisitor = (bytes: Uint8Array, start: number, end: number) => void;

/**
 * Visits the decoded bytes of every value of `field` in order, without making a view or a
 * value object per value (the 2Checkout source string reads every value of every IPN).
 */
export function forEachValueRange(field: FormField, visit: RangeVisitor): void {
  if (field instanceof DecodedField) field.forEachRange(visit);
  else for (const { bytes } of field.values) visit(bytes, 0, bytes.length);
}
