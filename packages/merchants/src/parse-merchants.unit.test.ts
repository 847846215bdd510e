import { isClawbackError } from '@clawback/errors';
import { merchantSection, providerSettingsOf } from './merchant-config';
import { MerchantsError } from './merchants-error';
import { parseMerchants } from './parse-merchants';

const valid = {
  m1: {
    '2checkout': { secretKey: 'tco-secret' },
    kartra: { secretKey: { env: 'KARTRA_SECRET' }, urlToken: 'tok', currency: 'EUR' },
    click2sell: { secretKey: 'c2s-secret', urlToken: 'c2s-token' },
    commission: { defaultRate: '0.3' },
  },
  m2: { click2sell: { secretKey: 'other', allowChecksumOnly: true, extra: 1 } },
};

function errorOf(run: () => unknown): MerchantsError {
  try {
    run();
  } catch (error) {
    if (error instanceof MerchantsError) return error;
    throw error;
  }
  throw new Error('expected a MerchantsError');
}

describe('parseMerchants', () => {
  it('resolves env references and exposes provider settings and other sections', () => {
    const merchants = parseMerchants(valid, { KARTRA_SECRET: 'from-env' });

    expect(providerSettingsOf(merchants, 'm1', 'kartra')).toEqual({
      secretKey: 'from-env',
      urlToken: 'tok',
      currency: 'EUR',
    });
    expect(providerSettingsOf(merchants, 'm1', '2checkout')?.secretKey).toBe('tco-secret');
    expect(providerSettingsOf(merchants, 'm2', 'click2sell')).toEqual({
      secretKey: 'other',
      allowChecksumOnly: true,
      extra: 1,
    });
    expect(merchantSection(merchants.get('m1')!, 'commission')).toEqual({ defaultRate: '0.3' });
  });

  it('returns undefined for unknown merchants and unconfigured providers', () => {
    const merchants = parseMerchants(valid, { KARTRA_SECRET: 'x' });

    expect(providerSettingsOf(merchants, 'nobody', 'kartra')).toBeUndefined();
    expect(providerSettingsOf(merchants, 'm2', '2checkout')).toBeUndefined();
  });

  it('accepts a Kartra block without urlToken (the unsigned JSON surface stays closed)', () => {
    const merchants = parseMerchants({ m1: { kartra: { secretKey: 's' } } }, {});

    expect(providerSettingsOf(merchants, 'm1', 'kartra')).toEqual({ secretKey: 's' });
  });

  it('names the variable and the path when an env reference is unset', () => {
    const error = errorOf(() => parseMerchants(valid, {}));

    expect(error.code).toBe('merchant_secret_env_unset');
    expect(error.path).toBe('m1.kartra.secretKey');
    expect(error.message).toContain('KARTRA_SECRET');
  });

  it.each([
    [{ m1: { kartra: { secretKey: 's', urlToken: '' } } }, 'm1.kartra.urlToken'],
    [{ m1: { '2checkout': { secretKey: '' } } }, 'm1.2checkout.secretKey'],
    [{ m1: { click2sell: { secretKey: 42 } } }, 'm1.click2sell.secretKey'],
    [{ m1: { click2sell: 'secret' } }, 'm1.click2sell'],
    [{ m1: { kartra: { secretKey: 's', urlToken: 't', currency: 'euro' } } }, 'm1.kartra.currency'],
    [{ m1: { commission: {} } }, 'm1'],
    [{ 'm:1': { click2sell: { secretKey: 's' } } }, 'm:1'],
    [{ m1: [] }, 'm1'],
    [
      { m1: { click2sell: { secretKey: 's', sourceNetworks: ['10.0.0.0/33'] } } },
      'm1.click2sell.sourceNetworks',
    ],
    [{ m1: { kartra: { secretKey: 's', sourceNetworks: 'any' } } }, 'm1.kartra.sourceNetworks'],
    [{ m1: { click2sell: { secretKey: 's', urlToken: '' } } }, 'm1.click2sell.urlToken'],
    [
      { m1: { click2sell: { secretKey: 's', allowChecksumOnly: 'yes' } } },
      'm1.click2sell.allowChecksumOnly',
    ],
    [
      { m1: { '2checkout': { secretKey: 's', minimumSignature: 'sha1' } } },
      'm1.2checkout.minimumSignature',
    ],
    [[], ''],
  ])('rejects %j naming %s', (document, path) => {
    const error = errorOf(() => parseMerchants(document, {}));

    expect(error.code).toBe('merchants_config_invalid');
    expect(error.path).toBe(path);
    expect(isClawbackError(error)).toBe(true);
  });

  it('never puts a secret value into an error message', () => {
    const error = errorOf(() =>
      parseMerchants(
        { m1: { kartra: { secretKey: 'super-secret-value', currency: 'not-a-code' } } },
        {},
      ),
    );

    expect(error.message).not.toContain('super-secret-value');
  });

  it.each([
    ['configured', { secretKey: 'tco-secret ' }, {}],
    ['configured', { secretKey: '\ttco-secret' }, {}],
    ['from env', { secretKey: { env: 'TCO' } }, { TCO: 'tco-secret\n' }],
    ['from env', { secretKey: { env: 'TCO' } }, { TCO: ' tco-secret' }],
  ])(
    'rejects a %s secret with surrounding whitespace, naming merchant and field',
    (_, block, env) => {
      const error = errorOf(() => parseMerchants({ m1: { '2checkout': block } }, env));

      expect(error.code).toBe('merchants_config_invalid');
      expect(error.path).toBe('m1.2checkout.secretKey');
      expect(error.message).toContain('whitespace');
      expect(error.message).not.toContain('tco-secret');
    },
  );
});
