import { parseMerchants } from '@clawback/merchants';
import { kartraCurrencies, merchantNormalization } from './merchant-normalization';

const directory = parseMerchants(
  {
    'shop-eur': { kartra: { secretKey: 's', urlToken: 't', currency: 'EUR' } },
    'shop-plain': { kartra: { secretKey: 's', urlToken: 't' }, '2checkout': { secretKey: 's' } },
    'shop-2co': { '2checkout': { secretKey: 's' }, click2sell: { secretKey: 's' } },
  },
  {},
);

describe('merchantNormalization', () => {
  const optionsFor = merchantNormalization(directory);

  it('given a merchant with kartra.currency, when a Kartra notification is normalized, then that currency is passed', () => {
    expect(optionsFor('kartra', 'shop-eur')).toEqual({ currency: 'EUR' });
  });

  it('given a Kartra block without currency or an unknown merchant, when normalized, then the adapter default applies', () => {
    expect(optionsFor('kartra', 'shop-plain')).toBeUndefined();
    expect(optionsFor('kartra', 'shop-2co')).toBeUndefined();
    expect(optionsFor('kartra', 'nobody')).toBeUndefined();
  });

  it('given providers that state their currency, when normalized, then no option is passed', () => {
    expect(optionsFor('2checkout', 'shop-eur')).toBeUndefined();
    expect(optionsFor('click2sell', 'shop-2co')).toBeUndefined();
  });

  it('lists the configured Kartra currencies for the start-up log', () => {
    expect(kartraCurrencies(directory)).toEqual({ 'shop-eur': 'EUR' });
  });
});
