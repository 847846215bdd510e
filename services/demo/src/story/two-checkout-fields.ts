import { SIGNATURE_FIELD } from '@clawback/providers';
import {
  type FixtureBody,
  type FormPair,
  type TwoCheckoutSigning,
  signTwoCheckoutPairs,
} from '@clawback/providers/testing';

const signatureFields = new Set<string>(Object.values(SIGNATURE_FIELD));

/**
 * A 2Checkout IPN with some fields set to other values and signed afresh. The fixture builder
 * fixes fields a story may need to vary (an eCheck's `PAYMETHOD`); this keeps the body exactly
 * as 2Checkout would send it, signature included.
 */
export function withTwoCheckoutFields(
  ipn: FixtureBody,
  fields: Readonly<Record<string, string>>,
  signing: TwoCheckoutSigning,
): FixtureBody {
  const pairs: FormPair[] = [...new URLSearchParams(ipn.body.toString('ascii'))]
    .filter(([key]) => !signatureFields.has(key))
    .map(([key, value]) => [key, fields[key] ?? value]);
  return { body: signTwoCheckoutPairs(pairs, signing), contentType: ipn.contentType };
}
