/** The merchants the synthetic stories sell for (`bench-0` … `bench-7`). */
const MERCHANTS = 8;

/**
 * The merchants file's contents for the downstream consumers: each synthetic merchant with a
 * commission rate and a webhook cancellation target at `webhookUrl` (partial refunds keep
 * subscriptions, the default).
 */
export function downstreamMerchants(webhookUrl: string): object {
  return Object.fromEntries(
    Array.from({ length: MERCHANTS }, (_, i) => [
      `bench-${i}`,
      {
        '2checkout': { secretKey: `bench-2checkout-secret-${i}` },
        commission: { defaultRate: '0.30' },
        cancellation: { adapter: 'webhook', webhook: { url: webhookUrl, secret: `whsec_${i}` } },
      },
    ]),
  );
}
