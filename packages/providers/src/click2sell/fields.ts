/** The fields of a Click2Sell notification this adapter reads, typed. */
export interface Click2SellNotification {
  /** `c2s_transaction_id`: the sale's id, reused by its refund. */
  readonly c2sTransactionId: string;
  readonly acquirerTransactionId: string | undefined;
  /** `transaction_type` lower-cased: `sale`, `refund`, `subscription`. */
  readonly transactionType: string;
  /** `payment_status` lower-cased: `ok`, `failed`. */
  readonly paymentStatus: string | undefined;
  /** `subscription_status` lower-cased: `new`, `recurring`, `cancel`. */
  readonly subscriptionStatus: string | undefined;
  /** From `product_price` ("12.34 USD"), signed minor units; undefined when not sent. */
  readonly amount: number | undefined;
  readonly currency: string | undefined;
  readonly purchaseDate: string;
  readonly purchaseTime: string | undefined;
  /** Purchase date and time as ISO UTC. */
  readonly occurredAt: string;
  readonly productId: string | undefined;
  readonly productName: string | undefined;
  readonly affiliateUsername: string | undefined;
}
