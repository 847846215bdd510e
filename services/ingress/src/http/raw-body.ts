import type { IngressApp } from './ingress-app';

/**
 * Keeps every body as the exact bytes received, whatever the content type: signatures are
 * computed over those bytes, and they are what is stored in Kafka. Fastify's body limit
 * applies while reading, so an oversized body is refused before it is buffered whole.
 */
export function acceptRawBodies(app: IngressApp): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}

/** The request body as bytes; empty when none was sent. */
export function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
