import fc from 'fast-check';
import { formatMinorUnits, mulDivRound, parseMinorUnits } from './minor-units';

describe('parseMinorUnits', () => {
  it.each([
    ['12.34', 'USD', 1234],
    ['-12.3', 'EUR', -1230],
    ['1000', 'JPY', 1000],
    ['1.234', 'BHD', 1234],
    ['0.10', 'USD', 10],
    ['12.340', 'USD', 1234],
    ['-0.00', 'USD', 0],
    ['.5', 'USD', NaN],
  ])('%s %s -> %d', (text, currency, expected) => {
    if (Number.isNaN(expected))
      expect(() => parseMinorUnits(text, currency)).toThrow(/not a decimal/);
    else expect(parseMinorUnits(text, currency)).toBe(expected);
  });

  it('refuses to round significant digits away', () => {
    expect(() => parseMinorUnits('1.5', 'JPY')).toThrow(
      expect.objectContaining({ code: 'too_many_decimals' }),
    );
    expect(() => parseMinorUnits('0.001', 'USD')).toThrow(
      expect.objectContaining({ code: 'too_many_decimals' }),
    );
  });

  it('rejects bad currencies and huge amounts', () => {
    expect(() => parseMinorUnits('1', 'usd')).toThrow(
      expect.objectContaining({ code: 'invalid_currency' }),
    );
    expect(() => parseMinorUnits('99999999999999999', 'USD')).toThrow(
      expect.objectContaining({ code: 'amount_out_of_range' }),
    );
  });

  it('round-trips with formatMinorUnits for every currency exponent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'JPY', 'BHD', 'CLF'),
        (n, cur) => {
          expect(parseMinorUnits(formatMinorUnits(n, cur), cur)).toBe(n);
        },
      ),
    );
  });
});

describe('mulDivRound', () => {
  it('rounds half away from zero', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(1000, 1, 3)).toBe(333);
    expect(mulDivRound(1000, 2, 3)).toBe(667);
  });

  it('never exceeds the value when numerator <= denominator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.nat(),
        (v, d, k) => {
          const n = k % (d + 1);
          const r = mulDivRound(v, n, d);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(v);
        },
      ),
    );
  });
});
