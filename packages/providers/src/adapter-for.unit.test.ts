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

describe('normalizeNotification: an implausible provider time is read, never refused (ADR 0020)', () => {
  const receivedAt = '2026-01-31T15:00:00.000Z';

  it('given a Kartra IPN dated 9999-12-31 19:00 Eastern, when normalized, then its time is read as given', () => {
    const { body, contentType } = kartraIpn(
      { transactionId: '1', date: '9999-12-31 19:00:00' },
      { secretKey: 's' },
    );
    expect(
      normalizeNotification({ provider: 'kartra', merchantId: 'm', body, contentType, receivedAt }),
    ).toMatchObject({ occurredAt: '+010000-01-01T00:00:00Z' });
  });

  it('given a Click2Sell notification dated 9999-12-31, when normalized, then its time is read as given', () => {
    const { body, contentType } = click2sellNotification(
      { c2sTransactionId: '42', purchaseDate: '9999-12-31' },
      { secretKey: 's' },
    );
    expect(
      normalizeNotification({
        provider: 'click2sell',
        merchantId: 'm',
        body,
        contentType,
        receivedAt,
      }),
    ).toMatchObject({ occurredAt: '9999-12-31T14:05:09Z' });
  });

  it('given 2Checkout IPNs dated years before and two days after their receipt, when normalized, then both keep their dates', () => {
    const old = twoCheckoutIpn({ refno: '7', ipnDate: '20200131120000' }, { secretKey: 's' });
    expect(
      normalizeNotification({ provider: '2checkout', merchantId: 'm', ...old, receivedAt }),
    ).toMatchObject({ occurredAt: '2020-01-31T12:00:00Z' });
    const ahead = twoCheckoutIpn({ refno: '7', ipnDate: '99991231235959' }, { secretKey: 's' });
    expect(
      normalizeNotification({ provider: '2checkout', merchantId: 'm', ...ahead, receivedAt }),
    ).toMatchObject({ occurredAt: '9999-12-31T23:59:59Z' });
  });
});
