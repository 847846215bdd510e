import { WebhookSignatureError } from './webhook-signature-error';

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'Clawback-Signature';

/** A parsed `Clawback-Signature` header. */
export interface SignatureHeader {
  /** Unix seconds at which the sender signed. */
  readonly timestamp: number;
  /** Every `v1` value (lowercase hex); more than one while the sender rotates secrets. */
  readonly signatures: readonly string[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Formats `t=<timestamp>,v1=<sig>[,v1=<sig>…]`. */
export function formatSignatureHeader(header: SignatureHeader): string {
  return [`t=${header.timestamp}`, ...header.signatures.map((sig) => `v1=${sig}`)].join(',');
}

/**
 * Parses the header. Unknown schemes (`v0=`, a future `v2=`) are ignored, so senders can add
 * schemes without breaking receivers; exactly one `t` and at least one well-formed `v1` are
 * required.
 *
 * @throws WebhookSignatureError `signature_header_missing` or `signature_header_malformed`.
 */
export function parseSignatureHeader(value: string | undefined): SignatureHeader {
  if (value === undefined || value.trim() === '') {
    throw new WebhookSignatureError('signature_header_missing', `no ${SIGNATURE_HEADER} header`);
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const text = part.slice(eq + 1).trim();
    if (eq < 0) throw malformed('an element without "="');
    if (name === 't') {
      if (timestamp !== undefined) throw malformed('more than one t');
      if (!/^\d{1,12}$/.test(text)) throw malformed('t is not unix seconds');
      timestamp = Number(text);
    } else if (name === 'v1') {
      const signature = text.toLowerCase();
      if (!SHA256_HEX.test(signature)) throw malformed('v1 is not 64 hex digits');
      signatures.push(signature);
    }
  }
  if (timestamp === undefined) throw malformed('no t');
  if (signatures.length === 0) throw malformed('no v1');
  return { timestamp, signatures };
}

function malformed(reason: string): WebhookSignatureError {
  return new WebhookSignatureError(
    'signature_header_malformed',
    `${SIGNATURE_HEADER} header: ${reason}`,
  );
}
