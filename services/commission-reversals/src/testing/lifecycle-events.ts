import type {
  ChargebackLost,
  ChargebackOpened,
  ChargebackWon,
  LifecycleEvent,
  LifecycleEventBase,
  OrderLine,
  OrderPaid,
  PaymentDenied,
  RefundApplied,
} from '@clawback/order-machine';

/** An order as the builders see it: the facts every event of it repeats. */
export interface TestOrder {
  readonly merchantId: string;
  readonly orderRef: string;
  readonly provider?: '2checkout' | 'kartra' | 'click2sell';
  readonly currency?: string;
  readonly affiliateId?: string | null;
  /** The provider's commission figure, when it sends one. */
  readonly commission?: number | null;
}

/**
 * Builds one order's lifecycle events the way the order machine emits them: sequences count up
 * from 1, refunds carry cumulative totals, event ids are `{notification}#0`, provider time
 * advances a minute per event.
 */
export class OrderStory {
  private sequence = 0;
  private paid = 0;
  private refunded = 0;
  private readonly events: LifecycleEvent[] = [];

  constructor(readonly order: TestOrder) {}

  get orderKey(): string {
    return `${this.order.provider ?? '2checkout'}:${this.order.merchantId}:${this.order.orderRef}`;
  }

  /** Everything built so far, in order. */
  all(): readonly LifecycleEvent[] {
    return [...this.events];
  }

  paidWith(amount: number, lines: readonly OrderLine[] = []): OrderPaid {
    this.paid = amount;
    const { affiliateId = 'aff-1', commission = null } = this.order;
    return this.push({
      ...this.base('OrderPaid'),
      amount,
      lines,
      affiliate: affiliateId === null ? null : { affiliateId, commission },
      subscriptionRefs: [],
    });
  }

  /** A refund of `amount`; `full` when it leaves nothing paid. */
  refund(amount: number): RefundApplied {
    this.refunded += amount;
    const remaining = this.paid - this.refunded;
    return this.push({
      ...this.base('RefundApplied'),
      amount,
      refundedTotal: this.refunded,
      remaining,
      paid: this.paid,
      kind: remaining === 0 ? 'full' : 'partial',
      lines: [],
      affiliate: this.affiliate(),
      subscriptionRefs: [],
      warnings: [],
    });
  }

  chargebackOpened(): ChargebackOpened {
    const amount = this.paid - this.refunded;
    return this.push({
      ...this.base('ChargebackOpened'),
      amount,
      reasonCode: 'fraud',
      affiliate: this.affiliate(),
    });
  }

  chargebackWon(): ChargebackWon {
    const amount = this.paid - this.refunded;
    return this.push({ ...this.base('ChargebackWon'), amount, affiliate: this.affiliate() });
  }

  chargebackLost(): ChargebackLost {
    const amount = this.paid - this.refunded;
    return this.push({
      ...this.base('ChargebackLost'),
      amount,
      affiliate: this.affiliate(),
      subscriptionRefs: [],
    });
  }

  paymentDenied(): PaymentDenied {
    return this.push({
      ...this.base('PaymentDenied'),
      amount: this.paid,
      reason: 'echeck_returned',
      affiliate: this.affiliate(),
      subscriptionRefs: [],
    });
  }

  private affiliate() {
    const { affiliateId = 'aff-1', commission = null } = this.order;
    return affiliateId === null ? null : { affiliateId, commission };
  }

  private push<E extends LifecycleEvent>(event: E): E {
    this.events.push(event);
    return event;
  }

  private base<T extends LifecycleEvent['type']>(type: T): LifecycleEventBase<T> {
    this.sequence += 1;
    const provider = this.order.provider ?? '2checkout';
    const causationId = `${this.orderKey}/n${this.sequence}`;
    return {
      eventId: `${causationId}#0`,
      type,
      orderKey: this.orderKey,
      provider,
      merchantId: this.order.merchantId,
      orderRef: this.order.orderRef,
      sequence: this.sequence,
      occurredAt: new Date(Date.UTC(2026, 0, 15, 10, this.sequence)).toISOString(),
      causationId,
      currency: this.order.currency ?? 'EUR',
    };
  }
}
