import { ProvidersError } from '../providers-error';
import { FORM_MEDIA_TYPE, isJsonMediaType, mediaTypeOf } from '../shared/content-type';
import type { KartraSurface } from './fields';

const OPEN_BRACE = 0x7b;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function startsWithBrace(body: Uint8Array): boolean {
  for (const byte of body) {
    if (WHITESPACE.has(byte)) continue;
    return byte === OPEN_BRACE;
  }
  return false;
}

/**
 * Tells the outbound-API JSON from the IPN form: a JSON content type, or else a body that
 * starts with `{` (Kartra's sample reads the raw input whatever the header says, so the header
 * may be the form type or missing; no IPN form starts with `{`). Other types are refused.
 */
export function kartraSurfaceOf(body: Uint8Array, contentType: string | undefined): KartraSurface {
  const mediaType = mediaTypeOf(contentType);
  if (isJsonMediaType(mediaType) || startsWithBrace(body)) return 'outbound_api';
  if (mediaType === FORM_MEDIA_TYPE || mediaType === '') return 'ipn';
  throw new ProvidersError(
    'unsupported_content_type',
    `expected ${FORM_MEDIA_TYPE} or application/json, got "${contentType ?? ''}"`,
  );
}
