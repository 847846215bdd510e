import type { OrderedForm } from '../form/ordered-form';
import {
  TWOCHECKOUT_ALGORITHMS,
  SIGNATURE_FIELD,
  type TwoCheckoutAlgorithm,
} from './verify-signature';

/**
 * The algorithm of the signature that decided a stored IPN: the strongest non-blank signature
 * field present, as {@link verifyTwoCheckoutSignature} chooses it; `null` when none is.
 */
export function twoCheckoutSignatureScheme(form: OrderedForm): TwoCheckoutAlgorithm | null {
  for (const algorithm of TWOCHECKOUT_ALGORITHMS) {
    const value = form.byKey.get(SIGNATURE_FIELD[algorithm])?.values[0]?.text.trim() ?? '';
    if (value !== '') return algorithm;
  }
  return null;
}
