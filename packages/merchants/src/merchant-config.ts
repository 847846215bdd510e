import type { ProviderName } from '@clawback/notifications';

/** Extra keys a section may carry; services that own them read and validate them. */
type OpenSection = Readonly<Record<string, unknown>>;

/** 2Checkout: the account's secret key signs IPN notifications (HMAC) and the read receipt. */
interface TwoCheckoutSettings extends OpenSection {
  readonly secretKey: string;
  /** The weakest signature accepted: `sha3-256` (default), `sha256` or `md5`. */
  readonly minimumSignature?: 'sha3-256' | 'sha256' | 'md5';
}

/**
 * Kartra: `secretKey` is the value the merchant configures in Kartra, `urlToken` the `?token=`
 * the merchant appends to the notification URL. `currency` is the ISO 4217 code assumed when
 * a notification does not state one.
 */
interface KartraSettings extends OpenSection {
  readonly secretKey: string;
  readonly urlToken?: string;
  readonly currency?: string;
}

/**
 * Click2Sell: the secret key behind its checksum, and `urlToken`, the `?token=` the merchant
 * appends to the notification URL (required: the checksum does not cover the money fields).
 * `allowChecksumOnly: true` accepts notifications without the token (migration only).
 */
interface Click2SellSettings extends OpenSection {
  readonly secretKey: string;
  readonly urlToken?: string;
  readonly allowChecksumOnly?: boolean;
}

/** Settings per provider, by the provider's URL name. */
export interface ProviderSettings {
  readonly '2checkout': TwoCheckoutSettings;
  readonly kartra: KartraSettings;
  readonly click2sell: Click2SellSettings;
}

/** One merchant's configuration, with every `{"env": ...}` already resolved. */
export interface MerchantConfig {
  readonly merchantId: string;
  /** Only the providers the merchant configured; a missing one answers 404 at the ingress. */
  readonly providers: { readonly [P in ProviderName]?: ProviderSettings[P] };
  /**
   * The merchant's whole entry (secrets resolved), for sections other services own, such as
   * `commission` or `cancellation`. Read them with {@link merchantSection}.
   */
  readonly entry: OpenSection;
}

/** Every configured merchant, by id. */
export type MerchantDirectory = ReadonlyMap<string, MerchantConfig>;

/** The merchant's settings for `provider`, or undefined when the merchant or provider is unknown. */
export function providerSettingsOf<P extends ProviderName>(
  directory: MerchantDirectory,
  merchantId: string,
  provider: P,
): ProviderSettings[P] | undefined {
  return directory.get(merchantId)?.providers[provider];
}

/** A top-level section of the merchant's entry that is not a provider block, unvalidated. */
export function merchantSection(merchant: MerchantConfig, name: string): unknown {
  return merchant.entry[name];
}
