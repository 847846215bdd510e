import fc from 'fast-check';
import { currencyExponent } from './currencies';
import { plainMinorUnits } from './plain-decimal';
import { parseMinorUnits } from './minor-units';

/** The regex parser `plainMinorUnits` shortcuts, as it was: the reference it must match. */
function referenceMinorUnits(text: string, currency: string): number {
  const match = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) throw new Error('invalid_amount');
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) throw new Error('too_many_decimals');
  const value = Number((whole + significant.padEnd(exponent, '0')).replace(/^0+(?=\d)/, ''));
  if (!Number.isSafeInteger(value)) throw new Error('amount_out_of_range');
  return sign === '-' && value !== 0 ? -value : value;
}

const outcome = (read: () => number): number | string => {
  try {
    return read();
  } catch (error) {
    return (error as { code?: string; message: string }).code ?? (error as Error).message;
  }
};

const decimalLike = fc
  .array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', ' ', 'e', '00', '12345678'), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

describe('plainMinorUnits against the regex parser', () => {
  it.each(['USD', 'JPY', 'BHD', 'CLF'])('gives the same value or none, in %s', (currency) => {
    const exponent = currencyExponent(currency);
    fc.assert(
      fc.property(fc.oneof(decimalLike, fc.string({ maxLength: 20 })), (text) => {
        const plain = plainMinorUnits(text, exponent);
        if (plain !== undefined) expect(plain).toBe(referenceMinorUnits(text, currency));
        expect(outcome(() => parseMinorUnits(text, currency))).toEqual(
          outcome(() => referenceMinorUnits(text, currency)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the amounts providers send, and -0 is 0', () => {
    expect(plainMinorUnits('-12.30', 2)).toBe(-1230);
    expect(plainMinorUnits('1500', 0)).toBe(1500);
    expect(plainMinorUnits('-0.00', 2)).toBe(0);
    expect(Object.is(plainMinorUnits('-0', 2), 0)).toBe(true);
    expect(plainMinorUnits('999999999999999', 2)).toBeUndefined();
  });
});
