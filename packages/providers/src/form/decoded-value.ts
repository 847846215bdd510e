/** One decoded value: its UTF-8 text and the exact bytes it decoded to (what signatures hash). */
export interface FormValue {
  readonly text: string;
  readonly bytes: Buffer;
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

/**
 * A value read from the decoded body when asked for: an IPN has some fifty fields and a
 * normalizer reads a third of them, so text and bytes are not made for the rest.
 */
export class DecodedValue implements FormValue {
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

/** `value.bytes.length`, without making the view of a decoded value. */
export function byteLengthOf(value: FormValue): number {
  return value instanceof DecodedValue ? value.end - value.start : value.bytes.length;
}

/** Copies `value.bytes` into `target` at `at`; returns the position after them. */
export function copyBytesOf(value: FormValue, target: Uint8Array, at: number): number {
  if (!(value instanceof DecodedValue)) {
    target.set(value.bytes, at);
    return at + value.bytes.length;
  }
  // Values are a few bytes long: a loop beats a view plus a native copy per value.
  const { out } = value.body;
  let to = at;
  for (let i = value.start; i < value.end; i++) target[to++] = out[i]!;
  return to;
}
