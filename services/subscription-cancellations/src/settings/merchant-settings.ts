/** The outbound adapters, by the name merchants write in `cancellation.adapter`. */
export const ADAPTER_NAMES = ['webhook', '2checkout', 'kartra'] as const;

/** An outbound adapter's name. */
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** What a partial refund does to the order's subscriptions. */
type PartialRefundPolicy = 'cancel' | 'keep';

/** A signed webhook to the merchant's own endpoint. */
export interface WebhookTarget {
  readonly url: string;
  /** Signing secrets; the request carries one `v1` per secret (more than one while rotating). */
  readonly secrets: readonly string[];
}

/** The 2Checkout REST API 6.0 of the merchant's account. */
export interface TwoCheckoutTarget {
  /** API root; `/rest/6.0/subscriptions/{ref}/` is appended. */
  readonly baseUrl: string;
  readonly merchantCode: string;
  readonly secretKey: string;
}

/** The Kartra inbound API with the merchant's app credentials. */
export interface KartraTarget {
  /** API root; `/api` is appended. */
  readonly baseUrl: string;
  readonly appId: string;
  readonly apiKey: string;
  readonly apiPassword: string;
}

/** Where and how a merchant's subscriptions are cancelled. */
export type CancellationTarget =
  | { readonly adapter: 'webhook'; readonly webhook: WebhookTarget }
  | { readonly adapter: '2checkout'; readonly twoCheckout: TwoCheckoutTarget }
  | { readonly adapter: 'kartra'; readonly kartra: KartraTarget };

/** A merchant's validated `cancellation` section. */
export interface MerchantCancellationSettings {
  readonly merchantId: string;
  /** Default `keep`: a partial refund leaves subscriptions running. */
  readonly onPartialRefund: PartialRefundPolicy;
  /** Undefined when the merchant has no `adapter`: Clawback cancels nothing for it. */
  readonly target: CancellationTarget | undefined;
}

/** Default API roots, used when a merchant's section names none. */
export const defaultBaseUrls = {
  twoCheckout: 'https://api.2checkout.com',
  kartra: 'https://app.kartra.com',
} as const;
