import { PROVIDERS } from '@clawback/notifications';
import { adapterFor, normalizeNotification } from './adapter-for';
import { click2sellNotification } from './fixtures/click2sell-notification';
import { kartraIpn } from './fixtures/kartra-ipn';
import { twoCheckoutIpn } from './fixtures/twocheckout-ipn';

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

describe('normalizeNotification: plausible provider time', () => {
  const receivedAt = '2026-01-31T15:00:00.000Z';
  const implausible = expect.objectContaining({
    name: 'ProvidersError',
    code: 'implausible_provider_time',
  });

  it('given a Kartra IPN dated 9999-12-31 19:00 Eastern, when normalized, then it throws implausible_provider_time', () => {
    const { body, contentType } = kartraIpn(
      { transactionId: '1', date: '9999-12-31 19:00:00' },
      { secretKey: 's' },
    );
    expect(() =>
      normalizeNotification({ provider: 'kartra', merchantId: 'm', body, contentType, receivedAt }),
    ).toThrow(implausible);
  });

  it('given a Click2Sell notification dated 9999-12-31, when normalized, then it throws implausible_provider_time', () => {
    const { body, contentType } = click2sellNotification(
      { c2sTransactionId: '42', purchaseDate: '9999-12-31' },
      { secretKey: 's' },
    );
    expect(() =>
      normalizeNotification({
        provider: 'click2sell',
        merchantId: 'm',
        body,
        contentType,
        receivedAt,
      }),
    ).toThrow(implausible);
  });

  it('given a 2Checkout IPN dated years before its receipt is fine, but one dated 2 days after is not', () => {
    const old = twoCheckoutIpn({ refno: '7', ipnDate: '20200131120000' }, { secretKey: 's' });
    expect(
      normalizeNotification({ provider: '2checkout', merchantId: 'm', ...old, receivedAt }),
    ).toMatchObject({ occurredAt: '2020-01-31T12:00:00Z' });
    const ahead = twoCheckoutIpn({ refno: '7', ipnDate: '20260202150000' }, { secretKey: 's' });
    expect(() =>
      normalizeNotification({ provider: '2checkout', merchantId: 'm', ...ahead, receivedAt }),
    ).toThrow(implausible);
  });
});
