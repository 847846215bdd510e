import type { ProviderResponse } from '@clawback/providers';
import type { IngressError } from '../errors/ingress-error';

/** One `POST /v1/notifications/{provider}/{merchantId}` as the core sees it. */
export interface NotificationRequest {
  /** As written in the path; not yet known to be a provider. */
  readonly provider: string;
  readonly merchantId: string;
  /** The exact body bytes (empty when none was sent). */
  readonly body: Buffer;
  /** The Content-Type header as sent ('' when absent). */
  readonly contentType: string;
  readonly query: Readonly<Record<string, unknown>>;
  /** The socket's peer address, for a provider block's `sourceNetworks`. */
  readonly remoteAddress?: string;
}

/**
 * What to answer. `published` and `duplicate` both answer 200 with the provider's body; a
 * `duplicate` was found in the edge dedupe, so it is certainly already in Kafka.
 */
export type NotificationOutcome =
  | {
      readonly kind: 'published';
      readonly ingressId: string;
      readonly orderKey: string;
      readonly response: ProviderResponse;
    }
  | {
      readonly kind: 'duplicate';
      readonly orderKey: string;
      readonly notificationId: string;
      readonly response: ProviderResponse;
    }
  | { readonly kind: 'refused'; readonly error: IngressError; readonly detail?: string };
