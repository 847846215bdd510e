import { ProvidersError } from '../providers-error';

/**
 * Provider order ids are digits in every documented example; allow a little more (letters,
 * `.`, `_`, `-`) but nothing that could blur the `{provider}:{merchantId}:{orderRef}` key.
 */
const ORDER_REF = /^[A-Za-z0-9._-]{1,64}$/;

/** Checks that `value` read from `field` can be an order reference. */
export function orderRefOf(value: string, field: string): string {
  if (!ORDER_REF.test(value)) {
    throw new ProvidersError(
      'invalid_field',
      `${field}: "${value}" is not a valid order reference`,
      {
        field,
      },
    );
  }
  return value;
}
