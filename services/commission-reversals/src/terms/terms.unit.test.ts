import { CommissionError } from '../commission-error';
import { OrderStory } from '../testing/lifecycle-events';
import { testTerms } from '../testing/terms';
import { parseCommissionRate } from './commission-rate';
import { parseCommissionTerms } from './commission-terms';
import { merchantRateCommission, saleCommission } from './sale-commission';

const line = (lineId: string, amount: number) => ({ lineId, name: lineId, quantity: 1, amount });

describe('parseCommissionRate', () => {
  it('turns decimal strings into exact fractions', () => {
    expect(parseCommissionRate('0.30', 'p')).toEqual({
      text: '0.30',
      numerator: 30,
      denominator: 100,
    });
    expect(parseCommissionRate('0.125', 'p')).toMatchObject({ numerator: 125, denominator: 1000 });
    expect(parseCommissionRate('1', 'p')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(parseCommissionRate('0', 'p')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(parseCommissionRate('1.000', 'p')).toMatchObject({ numerator: 1000, denominator: 1000 });
  });

  it.each([0.3, '1.5', '-0.1', '0.1234567', '.3', '30%', '', null])('refuses %p', (value) => {
    const error: unknown = (() => {
      try {
        return parseCommissionRate(value, 'shop.commission.defaultRate');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CommissionError);
    expect(error).toMatchObject({ code: 'commission_settings_invalid' });
    expect((error as Error).message).toMatch(/^shop\.commission\.defaultRate: /);
  });
});

describe('parseCommissionTerms', () => {
  it('reads the default rate and the product rates', () => {
    const terms = parseCommissionTerms(
      { defaultRate: '0.30', productRates: { pro: '0.5' } },
      'shop',
    );
    expect(terms?.defaultRate.text).toBe('0.30');
    expect(terms?.productRates.get('pro')).toMatchObject({ numerator: 5, denominator: 10 });
  });

  it('has no terms for a merchant without a section', () => {
    expect(parseCommissionTerms(undefined, 'shop')).toBeUndefined();
  });

  it.each([
    ['not an object', 'x', /must be an object/],
    ['no default rate', { productRates: {} }, /defaultRate: a rate must be a decimal string/],
    ['a misspelled key', { defaultRate: '0.3', productRate: {} }, /unknown key\(s\) productRate/],
    ['a float product rate', { defaultRate: '0.3', productRates: { a: 0.5 } }, /productRates\.a/],
  ])('refuses %s', (_what, section, message) => {
    expect(() => parseCommissionTerms(section, 'shop')).toThrow(message);
  });
});

describe('sale commission', () => {
  const paid = (amount: number, commission: number | null = null, lines = [line('a', amount)]) => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1', commission });
    return story.paidWith(amount, lines);
  };

  it('uses the default rate on the amount when there are no product rates (one rounding)', () => {
    expect(merchantRateCommission(1999, [line('a', 999), line('b', 1000)], testTerms('0.30'))).toBe(
      600,
    );
  });

  it('uses each product rate per line, rounded per line, and the default for the rest', () => {
    const terms = testTerms('0.30', { pro: '0.50' });
    // 6001 × 0.30 = 1800.3 → 1800; 3999 × 0.50 = 1999.5 → 2000; 100 uncovered × 0.30 = 30
    expect(merchantRateCommission(10100, [line('basic', 6001), line('pro', 3999)], terms)).toBe(
      3830,
    );
  });

  it('scales line commissions down when the lines add up to more than the amount paid', () => {
    const terms = testTerms('0.30', { pro: '0.50' });
    // lines earn 300 + 500 = 800 on 2000; 1500 paid → 600
    expect(merchantRateCommission(1500, [line('basic', 1000), line('pro', 1000)], terms)).toBe(600);
  });

  it("prefers the provider's figure, even over product rates", () => {
    expect(saleCommission(paid(1000, 77), testTerms('0.30', { a: '0.9' }))).toEqual({
      amount: 77,
      from: 'provider_commission',
    });
  });

  it('earns nothing without an affiliate, or without terms and a provider figure', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1', affiliateId: null });
    expect(saleCommission(story.paidWith(1000), testTerms())).toBeUndefined();
    expect(saleCommission(paid(1000), undefined)).toBeUndefined();
  });
});
