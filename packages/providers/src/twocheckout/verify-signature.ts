import { createHmac } from 'node:crypto';
import type { OrderedForm } from '../form/ordered-form';
import { signatureSource } from './source-string';
import { constantTimeEqual } from '../shared/constant-time';

/** The HMAC algorithms 2Checkout signs with, strongest first. */
export const TWOCHECKOUT_ALGORITHMS = ['sha3-256', 'sha256', 'md5'] as const;

/** One of {@link TWOCHECKOUT_ALGORITHMS}. */
export type TwoCheckoutAlgorithm = (typeof TWOCHECKOUT_ALGORITHMS)[number];

/** The IPN field that carries each algorithm's signature. */
export const SIGNATURE_FIELD: Readonly<Record<TwoCheckoutAlgorithm, string>> = {
  'sha3-256': 'SIGNATURE_SHA3_256',
  sha256: 'SIGNATURE_SHA2_256',
  md5: 'HASH',
};

/** Outcome of checking an IPN's signature. */
export type SignatureCheck =
  | { readonly valid: true; readonly algorithm: TwoCheckoutAlgorithm }
  | {
      readonly valid: false;
      readonly reason: 'missing_signature' | 'signature_mismatch' | 'signature_downgrade';
    };

/** True for a value of {@link TWOCHECKOUT_ALGORITHMS}. */
export function isTwoCheckoutAlgorithm(value: unknown): value is TwoCheckoutAlgorithm {
  return (TWOCHECKOUT_ALGORITHMS as readonly unknown[]).includes(value);
}

/** Lower-case hex HMAC of `source` with the account Secret Key. */
export function hmacHex(
  algorithm: TwoCheckoutAlgorithm,
  secretKey: string,
  source: Uint8Array,
): string {
  // A string key is taken as UTF-8, the same key bytes without a Buffer per call.
  return createHmac(algorithm, secretKey).update(source).digest('hex');
}

/** The strength rank of an algorithm: 0 is the strongest. */
const rank = (algorithm: TwoCheckoutAlgorithm): number => TWOCHECKOUT_ALGORITHMS.indexOf(algorithm);

/**
 * Verifies with the strongest signature present (SHA3-256 > SHA2-256 > MD5). A weaker one
 * is never consulted when a stronger one is present, so a bad strong signature cannot be
 * rescued by a good weak one. Two downgrades are refused (`signature_downgrade`):
 * - a signature field that is present but blank: 2Checkout never sends an empty one, so a
 *   blank field means someone removed the stronger signature to let a weaker one decide;
 * - a deciding signature weaker than `minimum` (the merchant's `minimumSignature`, default
 *   `sha3-256`, the strongest 2Checkout sends).
 */
export function verifyTwoCheckoutSignature(
  form: OrderedForm,
  secretKey: string,
  minimum: TwoCheckoutAlgorithm = 'sha3-256',
): SignatureCheck {
  for (const algorithm of TWOCHECKOUT_ALGORITHMS) {
    const field = form.byKey.get(SIGNATURE_FIELD[algorithm]);
    if (field === undefined) continue;
    const received = field.values[0]?.text.trim() ?? '';
    if (received === '') return { valid: false, reason: 'signature_downgrade' };
    if (rank(algorithm) > rank(minimum)) return { valid: false, reason: 'signature_downgrade' };
    const expected = hmacHex(algorithm, secretKey, signatureSource(form));
    return constantTimeEqual(received.toLowerCase(), expected)
      ? { valid: true, algorithm }
      : { valid: false, reason: 'signature_mismatch' };
  }
  return { valid: false, reason: 'missing_signature' };
}
