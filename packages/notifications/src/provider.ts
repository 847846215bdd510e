/** The providers the ingress accepts, as they appear in the URL path. */
export const PROVIDERS = ['2checkout', 'kartra', 'click2sell'] as const;

/** One of {@link PROVIDERS}. */
export type ProviderName = (typeof PROVIDERS)[number];

/** True when `value` names a supported provider. */
export function isProviderName(value: string): value is ProviderName {
  return (PROVIDERS as readonly string[]).includes(value);
}

/** `{provider}:{merchantId}:{orderRef}`: the Kafka key of every record about one order. */
export function orderKeyOf(provider: ProviderName, merchantId: string, orderRef: string): string {
  return `${provider}:${merchantId}:${orderRef}`;
}
