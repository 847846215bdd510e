import type { CanonicalNotification, ProviderName } from '@clawback/notifications';
import type { ProvidersError } from './providers-error';

/** A merchant's secrets for one provider, from the merchants file. */
export interface MerchantProviderSecrets {
  /** 2Checkout Secret Key, Kartra IPN secret key, Click2Sell product secret key. */
  readonly secretKey: string;
  /** Kartra only: the token that authenticates the unsigned outbound-API JSON (`?token=`). */
  readonly urlToken?: string;
  /** 2Checkout only: the weakest signature accepted (`sha3-256` unless configured). */
  readonly minimumSignature?: string;
  /** Click2Sell only: accept a notification without `?token=` (migration; checksum only). */
  readonly allowChecksumOnly?: boolean;
}

/** The stored raw notification, as the lifecycle reads it from `payments.notifications.raw`. */
export interface RawNotification {
  readonly merchantId: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /**
   * When the ingress received it (ISO 8601). Used only when the body carries no provider
   * time at all (Kartra's outbound JSON may not), so normalizing stays a function of the record.
   */
  readonly receivedAt?: string;
}

/** Per-merchant normalization settings from the merchants file. */
export interface NormalizeOptions {
  /** Currency for providers whose notifications name none (Kartra); default `USD`. */
  readonly currency?: string;
}

/** What the ingress knows about one HTTP request. */
export interface IngressRequest {
  readonly merchantId: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** The parsed query string; Kartra's JSON surface reads `token`. */
  readonly query: Readonly<Record<string, unknown>>;
  readonly secrets: MerchantProviderSecrets;
  /** Clock for the 2Checkout read receipt's DATE (epoch milliseconds). */
  readonly now: () => number;
}

/** The body a provider expects with the 200. */
export interface ProviderResponse {
  readonly contentType: string;
  readonly body: string;
}

/** Why a request was not authenticated (for logs and metrics; the answer is always 401). */
export type UnauthenticatedReason =
  | 'secret_not_configured'
  | 'missing_signature'
  | 'signature_mismatch'
  | 'signature_downgrade'
  | 'missing_acquirer_id'
  | 'url_token_not_configured'
  | 'missing_url_token'
  | 'url_token_mismatch';

/**
 * The ingress decision: `malformed` → 400 with the typed error, `unauthenticated` → 401,
 * `accepted` → write `recordBody` to Kafka under `orderKey`, then answer 200 with `response`.
 */
export type IngressDecision =
  | { readonly outcome: 'malformed'; readonly error: ProvidersError }
  | { readonly outcome: 'unauthenticated'; readonly reason: UnauthenticatedReason }
  | {
      readonly outcome: 'accepted';
      readonly orderRef: string;
      readonly orderKey: string;
      /**
       * The bytes to store: the body as received, except that a plain-text secret echoed by
       * the provider (Kartra's `secret_key`) is replaced, so no secret lands in Kafka.
       */
      readonly recordBody: Buffer;
      readonly response: ProviderResponse;
      /**
       * The stored record's canonical notification, read from the body this decision already
       * decoded: equal to {@link ProviderAdapter.normalize} of the stored record (a unit test
       * holds every adapter to it), so the ingress learns the dedupe key without parsing the
       * body a second time. Lazy, and throws only `ProvidersError`: an authentic fact is
       * stored even when this version cannot interpret it.
       */
      readonly normalized: (context: AcceptedContext) => CanonicalNotification;
    };

/** What {@link ProviderAdapter.normalize} takes besides the body: see {@link RawNotification}. */
export interface AcceptedContext extends NormalizeOptions {
  readonly receivedAt?: string;
}

/** One provider's adapter: the same two entry points for every provider. */
export interface ProviderAdapter {
  readonly provider: ProviderName;
  /**
   * Ingress: content type and body framing, then authenticity, then the order reference.
   * Never throws for anything in the request; interpreting amounts, dates and statuses is
   * left to {@link ProviderAdapter.normalize} so that an authentic fact is stored even when
   * this version cannot interpret it (it is dead-lettered and can be re-driven).
   */
  accept(request: IngressRequest): IngressDecision;
  /**
   * Lifecycle: the stored record → canonical notification. Throws only `ProvidersError`.
   * Needs no secrets: the record was verified before it was stored.
   */
  normalize(record: RawNotification, options?: NormalizeOptions): CanonicalNotification;
  /**
   * The signature scheme a stored record carries, named from its body alone (for operators:
   * `sha3-256`, `url-token`, `checksum-md5`, …); `null` when the body names none or cannot be
   * read. Pure; never throws. It names what the body carries, it does not verify it.
   */
  signatureScheme(record: RawNotification): string | null;
}
