import type {
  ChargebackLost,
  LifecycleEventBase,
  OrderPaid,
  PaymentDenied,
  RefundApplied,
} from '@clawback/order-machine';

/** Options shared by the builders: which order, which subscriptions. */
export interface OrderOptions {
  readonly merchantId?: string;
  readonly provider?: '2checkout' | 'kartra' | 'click2sell';
  readonly orderRef?: string;
  readonly subscriptionRefs?: readonly string[];
  /** Distinguishes events of one order (the causing notification). */
  readonly notification?: string;
  readonly sequence?: number;
}

function base<T extends string>(type: T, o: OrderOptions): LifecycleEventBase<T> {
  const provider = o.provider ?? '2checkout';
  const merchantId = o.merchantId ?? 'm1';
  const orderRef = o.orderRef ?? '1000';
  const causationId = o.notification ?? `${provider}-${orderRef}-${type}`;
  return {
    eventId: `${causationId}#0`,
    type,
    orderKey: `${provider}:${merchantId}:${orderRef}`,
    provider,
    merchantId,
    orderRef,
    sequence: o.sequence ?? 2,
    occurredAt: '2026-01-15T10:00:00.000Z',
    causationId,
    currency: 'EUR',
  };
}

/** Test data: an `OrderPaid` of 10.00 EUR. */
export function orderPaid(o: OrderOptions = {}): OrderPaid {
  return {
    ...base('OrderPaid', { sequence: 1, ...o }),
    amount: 1000,
    lines: [],
    affiliate: null,
    subscriptionRefs: o.subscriptionRefs ?? ['SUB1'],
  };
}

/** Test data: a full (`kind` full) or partial refund of a 10.00 EUR order. */
export function refundApplied(kind: 'full' | 'partial', o: OrderOptions = {}): RefundApplied {
  const amount = kind === 'full' ? 1000 : 300;
  return {
    ...base('RefundApplied', o),
    amount,
    refundedTotal: amount,
    remaining: 1000 - amount,
    paid: 1000,
    kind,
    lines: [],
    affiliate: null,
    subscriptionRefs: o.subscriptionRefs ?? ['SUB1'],
    warnings: [],
  };
}

/** Test data: a lost chargeback. */
export function chargebackLost(o: OrderOptions = {}): ChargebackLost {
  return {
    ...base('ChargebackLost', o),
    amount: 1000,
    affiliate: null,
    subscriptionRefs: o.subscriptionRefs ?? ['SUB1'],
  };
}

/** Test data: a denied payment. */
export function paymentDenied(o: OrderOptions = {}): PaymentDenied {
  return {
    ...base('PaymentDenied', o),
    amount: 1000,
    reason: 'fraud',
    affiliate: null,
    subscriptionRefs: o.subscriptionRefs ?? ['SUB1'],
  };
}
