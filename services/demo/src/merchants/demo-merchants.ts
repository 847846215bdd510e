/** Merchant ids of the demo story, one per provider. */
export const DEMO_MERCHANTS = {
  northwind: 'northwind-software',
  lumen: 'lumen-academy',
  pagebound: 'pagebound-books',
} as const;

/**
 * The demo's secrets. Fixed on purpose: they protect nothing but a local demo, and fixed values
 * make every run post the same bytes. The merchants file names them by environment variable,
 * the way docs/merchant-setup.md asks production files to.
 */
export const DEMO_SECRETS = {
  DEMO_NORTHWIND_2CHECKOUT_SECRET_KEY: 'demo-northwind-2checkout-secret-key',
  DEMO_LUMEN_KARTRA_SECRET_KEY: 'demo-lumen-kartra-ipn-secret',
  DEMO_LUMEN_KARTRA_URL_TOKEN: 'demo-lumen-kartra-url-token',
  DEMO_PAGEBOUND_CLICK2SELL_SECRET_KEY: 'demo-pagebound-click2sell-secret',
  DEMO_PAGEBOUND_CLICK2SELL_URL_TOKEN: 'demo-pagebound-click2sell-url-token',
  DEMO_WEBHOOK_SECRET: 'whsec_demo_cancellation_receiver',
} as const;

/**
 * The demo's merchants file (docs/merchant-setup.md, docs/subscription-cancellations.md):
 * three merchants, one per provider, each with commission rates; the two that sell
 * subscriptions have them cancelled through a signed webhook to the demo's receiver.
 */
export function demoMerchantsFile(receiverUrl: string): object {
  const webhook = {
    adapter: 'webhook',
    onPartialRefund: 'keep',
    webhook: {
      url: `${receiverUrl}/hooks/clawback`,
      secret: { env: 'DEMO_WEBHOOK_SECRET' },
    },
  };
  return {
    [DEMO_MERCHANTS.northwind]: {
      '2checkout': { secretKey: { env: 'DEMO_NORTHWIND_2CHECKOUT_SECRET_KEY' } },
      commission: { defaultRate: '0.30' },
      cancellation: webhook,
    },
    [DEMO_MERCHANTS.lumen]: {
      kartra: {
        secretKey: { env: 'DEMO_LUMEN_KARTRA_SECRET_KEY' },
        urlToken: { env: 'DEMO_LUMEN_KARTRA_URL_TOKEN' },
        currency: 'USD',
      },
      commission: { defaultRate: '0.40' },
      cancellation: webhook,
    },
    [DEMO_MERCHANTS.pagebound]: {
      click2sell: {
        secretKey: { env: 'DEMO_PAGEBOUND_CLICK2SELL_SECRET_KEY' },
        urlToken: { env: 'DEMO_PAGEBOUND_CLICK2SELL_URL_TOKEN' },
      },
      commission: { defaultRate: '0.25' },
    },
  };
}
