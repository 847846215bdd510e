import type { IngressDecision, ProviderResponse } from '../provider-adapter';
import { ProvidersError } from '../providers-error';

/** The short plain-text answer for providers that need nothing but a 200. */
export const PLAIN_OK: ProviderResponse = { contentType: 'text/plain; charset=utf-8', body: 'OK' };

/** Runs an ingress decision, turning the package's typed errors into `malformed`. */
export function decideSafely(decide: () => IngressDecision): IngressDecision {
  try {
    return decide();
  } catch (error) {
    if (error instanceof ProvidersError) return { outcome: 'malformed', error };
    throw error;
  }
}

/** A Buffer view of `body` without copying. */
export function asBuffer(body: Uint8Array): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
