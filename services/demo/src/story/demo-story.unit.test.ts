import { parseMerchants, providerSettingsOf } from '@clawback/merchants';
import { adapterFor, normalizeNotification } from '@clawback/providers';
import { merchantSettingsOf } from '@clawback/subscription-cancellations';
import { DEMO_SECRETS, demoMerchantsFile } from '../merchants/demo-merchants';
import { demoStory, storyOrders } from './demo-story';

const merchants = parseMerchants(demoMerchantsFile('http://127.0.0.1:1'), DEMO_SECRETS);

describe('the demo story', () => {
  const steps = demoStory();

  it.each(steps.map((step, i) => [i + 1, step.order.orderKey, step.happened, step] as const))(
    'step %i (%s, %s) is authentic and lands on its order',
    (_n, orderKey, _happened, step) => {
      const secrets = providerSettingsOf(merchants, step.route.merchantId, step.route.provider);
      expect(secrets).toBeDefined();
      const decision = adapterFor(step.route.provider).accept({
        merchantId: step.route.merchantId,
        body: step.body.body,
        contentType: step.body.contentType,
        query: Object.fromEntries(new URLSearchParams(step.route.query ?? '')),
        secrets: secrets!,
        now: () => Date.parse('2026-03-06T00:00:00Z'),
      });
      expect(decision).toMatchObject({ outcome: 'accepted', orderKey });
    },
  );

  it('keeps provider times within the default orphan horizon of 7 days', () => {
    const times = steps.map((step) =>
      Date.parse(
        normalizeNotification({
          provider: step.route.provider,
          merchantId: step.route.merchantId,
          body: step.body.body,
          contentType: step.body.contentType,
          receivedAt: '2026-03-06T00:00:00.000Z',
        }).occurredAt,
      ),
    );
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(7 * 86_400_000);
  });

  it('has eight orders across the three providers', () => {
    const orders = storyOrders(steps).map((order) => order.orderKey.split(':')[0]);
    expect(orders).toEqual([
      '2checkout',
      '2checkout',
      '2checkout',
      '2checkout',
      'kartra',
      'kartra',
      'click2sell',
      'click2sell',
    ]);
  });
});

describe('the demo merchants file', () => {
  it('passes the cancellation settings check: webhooks for the merchants with subscriptions', () => {
    const settings = merchantSettingsOf(merchants);
    expect(
      [...settings.values()].map((merchant) => [merchant.merchantId, merchant.target?.adapter]),
    ).toEqual([
      ['northwind-software', 'webhook'],
      ['lumen-academy', 'webhook'],
      ['pagebound-books', undefined],
    ]);
  });
});
