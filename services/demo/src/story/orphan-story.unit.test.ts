import { partitionOfKey } from '@clawback/kafka';
import { parseMerchants, providerSettingsOf } from '@clawback/merchants';
import { adapterFor } from '@clawback/providers';
import { DEMO_SECRETS, demoMerchantsFile } from '../merchants/demo-merchants';
import { orphanStory } from './orphan-story';

const merchants = parseMerchants(demoMerchantsFile('http://127.0.0.1:1'), DEMO_SECRETS);

describe('the exception of the demo story', () => {
  it.each([1, 3, 6])(
    'given %i partitions, the later sale shares the orphaned refund’s partition, so its date can make the refund overdue',
    (partitions) => {
      const { steps, exception } = orphanStory(partitions);
      const [, orphan, later] = steps;
      expect(orphan!.order.orderKey).toBe(exception.orphanOrderKey);
      expect(partitionOfKey(later!.order.orderKey, partitions)).toBe(
        partitionOfKey(exception.orphanOrderKey, partitions),
      );
    },
  );

  it('posts authentic outbound-API bodies that land on the orders the tables name', () => {
    for (const step of orphanStory(3).steps) {
      const decision = adapterFor(step.route.provider).accept({
        merchantId: step.route.merchantId,
        body: step.body.body,
        contentType: step.body.contentType,
        query: Object.fromEntries(new URLSearchParams(step.route.query ?? '')),
        secrets: providerSettingsOf(merchants, step.route.merchantId, step.route.provider)!,
        now: () => Date.parse('2026-03-12T00:00:00Z'),
      });
      expect(decision).toMatchObject({ outcome: 'accepted', orderKey: step.order.orderKey });
    }
  });
});
