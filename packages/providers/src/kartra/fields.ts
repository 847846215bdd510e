/** Which Kartra surface a notification came through. */
export type KartraSurface = 'ipn' | 'outbound_api';

/**
 * The Kartra fields the adapter reads, as text, from either surface (IPN form variables or
 * the outbound JSON's `action_details.transaction_details`). Kartra's `"N/A"` is `undefined`.
 */
export interface KartraFields {
  readonly surface: KartraSurface;
  /** IPN `transaction_type`, or the outbound `action`; lower-cased. */
  readonly event: string | undefined;
  readonly transactionId: string | undefined;
  readonly transactionParentId: string | undefined;
  readonly fullAmount: string | undefined;
  readonly quantity: string | undefined;
  readonly date: string | undefined;
  readonly affiliate: string | undefined;
  readonly productId: string | undefined;
  readonly productName: string | undefined;
  readonly internalSubscriptionId: string | undefined;
}

/** A Kartra transaction with typed values. */
export interface KartraTransaction {
  readonly surface: KartraSurface;
  readonly event: string;
  readonly orderRef: string;
  readonly transactionId: string;
  /** Signed minor units of the notification currency, when sent. */
  readonly amount: number | undefined;
  readonly currency: string;
  readonly quantity: number | undefined;
  /** ISO UTC of `transaction_date`, when sent. */
  readonly occurredAt: string | undefined;
  readonly affiliate: string | undefined;
  readonly productId: string | undefined;
  readonly productName: string | undefined;
  readonly internalSubscriptionId: string | undefined;
}

/** Kartra's "empty": absent, blank, or the literal `N/A`. */
export function kartraValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' || trimmed.toUpperCase() === 'N/A'
    ? undefined
    : trimmed;
}
