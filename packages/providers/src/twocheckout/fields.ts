/** One product line of an IPN, amounts signed as 2Checkout sent them (negative on refunds). */
export interface TwoCheckoutLine {
  /** `IPN_PID[]`: 2Checkout's product id. */
  readonly productId: string;
  /** `IPN_PNAME[]`. */
  readonly name: string;
  /** `IPN_QTY[]` (0 when absent). */
  readonly quantity: number;
  /** `IPN_PRICE[]`: unit price before VAT, in minor units, when sent. */
  readonly unitPrice: number | undefined;
  /** `IPN_TOTAL[]`: the line total including VAT, in minor units, when sent. */
  readonly total: number | undefined;
}

/** The fields of a 2Checkout IPN this adapter reads, typed. */
export interface TwoCheckoutIpn {
  readonly refNo: string;
  readonly refNoExt: string | undefined;
  readonly orderStatus: string;
  readonly fraudStatus: string | undefined;
  readonly refundType: string | undefined;
  readonly chargebackResolution: string | undefined;
  readonly chargebackReasonCode: string | undefined;
  readonly currency: string;
  /** `IPN_TOTALGENERAL`: order total incl. VAT and shipping, signed minor units. */
  readonly totalGeneral: number;
  readonly lines: readonly TwoCheckoutLine[];
  /** `IPN_LICENSE_REF[]`, blanks and repeats removed. */
  readonly licenseRefs: readonly string[];
  /** `IPN_DATE` as sent (`YmdHis`). */
  readonly ipnDate: string;
  /** `IPN_DATE` as ISO 8601 UTC. */
  readonly occurredAt: string;
  readonly messageId: string | undefined;
  /** Inferred affiliate field (see docs/providers.md); absent in every known fixture. */
  readonly affiliateCode: string | undefined;
  readonly testOrder: boolean;
}
