import type { IngressApp } from './ingress-app';

/**
 * Keeps every body as the exact bytes received, whatever the content type: signatures are
 * computed over those bytes, and they are what is stored in Kafka. Fastify's body limit
 * applies while reading, so an oversized body is refused before it is buffered whole.
 */
export function acceptRawBodies(app: IngressApp): void {
  app.removeAllContentTypeParsers();
  const keep = (_request: unknown, body: Buffer | string, done: (e: null, b: unknown) => void) => {
    done(null, body);
  };
  // The same parser under the content types providers send: fastify caches its lookup of a
  // named type, while the catch-all is looked up (the header parsed) on every request.
  app.addContentTypeParser(PROVIDER_CONTENT_TYPES, { parseAs: 'buffer' }, keep);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, keep);
}

/** What the providers' notifications declare (forms, JSON). */
const PROVIDER_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'application/json'];

/** The request body as bytes; empty when none was sent. */
export function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
