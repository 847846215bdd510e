import { ProvidersError } from '../providers-error';

let lastContentType: string | undefined;
let lastMediaType = '';

/** The media type of a Content-Type header, lower-cased, without parameters ('' when absent). */
export function mediaTypeOf(contentType: string | undefined): string {
  // Senders repeat one header value: keep the last answer rather than split and case it again.
  if (contentType === lastContentType) return lastMediaType;
  const mediaType = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  lastContentType = contentType;
  lastMediaType = mediaType;
  return mediaType;
}

/** The form media type every form provider uses. */
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** True for `application/json` and `application/*+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Accepts a form body: the form media type, or none at all (some senders omit it). Anything
 * else is `unsupported_content_type` rather than a guess.
 */
export function requireFormContentType(contentType: string | undefined): void {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType !== FORM_MEDIA_TYPE && mediaType !== '') {
    throw new ProvidersError(
      'unsupported_content_type',
      `expected ${FORM_MEDIA_TYPE}, got "${contentType ?? ''}"`,
    );
  }
}
