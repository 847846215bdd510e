import { PROVIDERS } from '@clawback/notifications';
import { adapterFor, normalizeNotification } from './adapter-for';
import { click2sellNotification } from './fixtures/click2sell-notification';

describe('adapterFor', () => {
  it('returns the adapter of each provider', () => {
    for (const provider of PROVIDERS) expect(adapterFor(provider).provider).toBe(provider);
  });

  it('normalizeNotification dispatches a stored record by its provider', () => {
    const { body, contentType } = click2sellNotification(
      { c2sTransactionId: '42' },
      { secretKey: 's' },
    );
    expect(
      normalizeNotification({ provider: 'click2sell', merchantId: 'm9', body, contentType }),
    ).toMatchObject({
      provider: 'click2sell',
      orderKey: 'click2sell:m9:42',
    });
    expect(() =>
      normalizeNotification({ provider: '2checkout', merchantId: 'm9', body, contentType }),
    ).toThrow(expect.objectContaining({ code: 'missing_field', field: 'REFNO' }));
  });
});
