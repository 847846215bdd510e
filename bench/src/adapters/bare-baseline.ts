import { createHash, createHmac } from 'node:crypto';
import type { AdapterCase } from './adapter-cases';
import { SECRETS } from './adapter-cases';

const SIGNATURE_OF = {
  'form+hmac-sha3-256': ['sha3-256', 'SIGNATURE_SHA3_256'],
  'form+hmac-sha256': ['sha256', 'SIGNATURE_SHA2_256'],
  'form+hmac-md5': ['md5', 'HASH'],
} as const;

/**
 * The least work that parses a body and checks its authenticity with Node alone: decode the
 * form (or JSON) and compute one digest over the whole body, or compare one secret. Our
 * adapters do more (signed values in order, typed fields, money, dates); the ratio says how
 * much more it costs.
 *
 * @returns a number derived from the work, so the optimiser cannot drop it
 */
export function bareCheck(
  kind: AdapterCase['baseline'],
  body: Buffer,
  query: Readonly<Record<string, string>>,
): number {
  switch (kind) {
    case 'form+hmac-sha3-256':
    case 'form+hmac-sha256':
    case 'form+hmac-md5': {
      const [algorithm, field] = SIGNATURE_OF[kind];
      const form = new URLSearchParams(body.toString('latin1'));
      const digest = createHmac(algorithm, SECRETS.secretKey).update(body).digest('hex');
      return digest === form.get(field) ? 1 : digest.length;
    }
    case 'form+compare':
      return new URLSearchParams(body.toString('latin1')).get('secret_key') === SECRETS.secretKey
        ? 1
        : 0;
    case 'json+compare': {
      const parsed = JSON.parse(body.toString('utf8')) as { action?: string };
      return (parsed.action?.length ?? 0) + (query.token === SECRETS.urlToken ? 1 : 0);
    }
    case 'form+md5': {
      const form = new URLSearchParams(body.toString('latin1'));
      const acquirer = form.get('acquirer_transaction_id') ?? '';
      const digest = createHash('md5').update(`${SECRETS.secretKey}_${acquirer}`).digest('hex');
      return digest.toUpperCase() === form.get('checksum') ? 1 : 0;
    }
  }
}
