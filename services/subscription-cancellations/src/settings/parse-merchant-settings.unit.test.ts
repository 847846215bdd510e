import { resolve } from 'node:path';
import { loadMerchantsFile, parseMerchants } from '@clawback/merchants';
import { CancellationError } from '../cancellation-error';
import { merchantSettingsOf } from './parse-merchant-settings';

const provider = { click2sell: { secretKey: 'c2s' } };

function settingsFor(cancellation: unknown, env: Record<string, string> = {}) {
  const directory = parseMerchants({ m1: { ...provider, cancellation } }, env);
  return merchantSettingsOf(directory).get('m1')!;
}

function pathOf(cancellation: unknown): string {
  try {
    settingsFor(cancellation);
  } catch (error) {
    if (error instanceof CancellationError && error.code === 'cancellation_settings_invalid') {
      return error.message.split(':')[0]!;
    }
    throw error;
  }
  throw new Error('expected cancellation_settings_invalid');
}

describe('merchant cancellation settings', () => {
  it('reads a webhook target with secrets from the environment, keeping partial refunds by default', () => {
    const settings = settingsFor(
      { adapter: 'webhook', webhook: { url: 'https://shop.example/hooks/', secret: { env: 'S' } } },
      { S: 'whsec_1' },
    );
    expect(settings).toEqual({
      merchantId: 'm1',
      onPartialRefund: 'keep',
      target: {
        adapter: 'webhook',
        webhook: { url: 'https://shop.example/hooks/', secrets: ['whsec_1'] },
      },
    });
  });

  it('accepts several webhook secrets for a rotation', () => {
    const settings = settingsFor({
      adapter: 'webhook',
      webhook: { url: 'http://127.0.0.1:9/h', secret: ['old', 'new'] },
    });
    expect(settings.target?.adapter === 'webhook' && settings.target.webhook.secrets).toEqual([
      'old',
      'new',
    ]);
  });

  it('reads 2Checkout and Kartra targets, with default API roots', () => {
    const tco = settingsFor({
      adapter: '2checkout',
      onPartialRefund: 'cancel',
      '2checkout': { merchantCode: 'MERCHANT', secretKey: 'k' },
    });
    expect(tco.onPartialRefund).toBe('cancel');
    expect(tco.target).toEqual({
      adapter: '2checkout',
      twoCheckout: {
        baseUrl: 'https://api.2checkout.com',
        merchantCode: 'MERCHANT',
        secretKey: 'k',
      },
    });
    const kartra = settingsFor({
      adapter: 'kartra',
      kartra: { baseUrl: 'http://127.0.0.1:8080', appId: 'a', apiKey: 'k', apiPassword: 'p' },
    });
    expect(kartra.target).toEqual({
      adapter: 'kartra',
      kartra: { baseUrl: 'http://127.0.0.1:8080', appId: 'a', apiKey: 'k', apiPassword: 'p' },
    });
  });

  it('treats a merchant without section or without adapter as not cancelling', () => {
    const directory = parseMerchants({ m1: provider, m2: { ...provider, cancellation: {} } }, {});
    const all = merchantSettingsOf(directory);
    expect(all.get('m1')).toEqual({ merchantId: 'm1', onPartialRefund: 'keep', target: undefined });
    expect(all.get('m2')?.target).toBeUndefined();
  });

  it.each([
    ['nope', 'm1.cancellation'],
    [{ onPartialRefund: 'sometimes' }, 'm1.cancellation.onPartialRefund'],
    [{ adapter: 'fax' }, 'm1.cancellation.adapter'],
    [{ adapter: 'webhook' }, 'm1.cancellation.webhook'],
    [
      { adapter: 'webhook', webhook: { url: 'ftp://x', secret: 's' } },
      'm1.cancellation.webhook.url',
    ],
    [
      { adapter: 'webhook', webhook: { url: 'not a url', secret: 's' } },
      'm1.cancellation.webhook.url',
    ],
    [{ adapter: 'webhook', webhook: { url: 'https://x' } }, 'm1.cancellation.webhook.secret'],
    [
      { adapter: 'webhook', webhook: { url: 'https://x', secret: [] } },
      'm1.cancellation.webhook.secret',
    ],
    [
      { adapter: '2checkout', '2checkout': { secretKey: 'k' } },
      'm1.cancellation.2checkout.merchantCode',
    ],
    [
      { adapter: 'kartra', kartra: { appId: 'a', apiKey: 'k', apiPassword: '' } },
      'm1.cancellation.kartra.apiPassword',
    ],
  ])('refuses %j naming %s', (cancellation, path) => {
    expect(pathOf(cancellation)).toBe(path);
  });

  it('never puts a secret into an error message', () => {
    try {
      settingsFor({ adapter: '2checkout', '2checkout': { merchantCode: 'M', secretKey: 42 } });
    } catch (error) {
      expect((error as Error).message).not.toContain('42');
      return;
    }
    throw new Error('expected an error');
  });
});

describe('config/merchants.example.json', () => {
  it('has a valid cancellation section', () => {
    const example = loadMerchantsFile(
      resolve(__dirname, '../../../../config/merchants.example.json'),
      {
        DEMO_SHOP_2CHECKOUT_SECRET_KEY: 'x',
        DEMO_SHOP_KARTRA_SECRET_KEY: 'x',
        DEMO_SHOP_KARTRA_URL_TOKEN: 'x',
      },
    );
    expect(() => merchantSettingsOf(example)).not.toThrow();
  });
});
