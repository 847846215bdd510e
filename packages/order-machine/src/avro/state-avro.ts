import {
  isProviderName,
  type CanonicalNotification,
  type LineQuantities,
  type NotificationKind,
  type NotificationLine,
  type RefundScope,
} from '@clawback/notifications';
import { OrderMachineError } from '../order-machine-error';
import { ORDER_STATUSES, type OrderState, type OrderStatus } from '../state/order-state';

/** `CanonicalNotification` as the state schema holds it: absent optional fields are `null`. */
interface AvroCanonicalNotification {
  readonly notificationId: string;
  readonly provider: string;
  readonly merchantId: string;
  readonly orderRef: string;
  readonly orderKey: string;
  readonly kind: string;
  readonly refundScope: string | null;
  readonly occurredAt: string;
  /** Added later with default `null` (ADR 0020). */
  readonly implausibleProviderTime: string | null;
  readonly currency: string;
  readonly amount: number;
  readonly lines: readonly NotificationLine[];
  readonly affiliate: { readonly affiliateId: string; readonly commission: number | null } | null;
  readonly subscriptionRefs: readonly string[];
  readonly reason: string | null;
  readonly providerStatus: string;
  readonly test: boolean;
  readonly lineQuantities: string | null;
}

/** The `OrderState` record of `schemas/orders.lifecycle.state.avsc` as avsc reads and writes it. */
export type AvroOrderState = Omit<OrderState, 'status' | 'provider' | 'parked'> & {
  readonly status: string;
  readonly provider: string;
  readonly parked: readonly AvroCanonicalNotification[];
};

function toAvroNotification(n: CanonicalNotification): AvroCanonicalNotification {
  return {
    ...n,
    refundScope: n.refundScope ?? null,
    affiliate: n.affiliate
      ? { affiliateId: n.affiliate.affiliateId, commission: n.affiliate.commission ?? null }
      : null,
    reason: n.reason ?? null,
    lineQuantities: n.lineQuantities ?? null,
    implausibleProviderTime: n.implausibleProviderTime ?? null,
  };
}

function lineQuantitiesOf(value: string): LineQuantities {
  if (value !== 'refunded_units' && value !== 'order_quantities')
    throw new OrderMachineError('invalid_record', `lineQuantities ${value}`);
  return value;
}

function providerOf(value: string) {
  if (!isProviderName(value)) throw new OrderMachineError('invalid_record', `provider ${value}`);
  return value;
}

function fromAvroNotification(r: AvroCanonicalNotification): CanonicalNotification {
  const affiliate = r.affiliate;
  return {
    notificationId: r.notificationId,
    provider: providerOf(r.provider),
    merchantId: r.merchantId,
    orderRef: r.orderRef,
    orderKey: r.orderKey,
    kind: r.kind as NotificationKind,
    ...(r.refundScope === null ? {} : { refundScope: r.refundScope as RefundScope }),
    occurredAt: r.occurredAt,
    ...(r.implausibleProviderTime == null
      ? {}
      : { implausibleProviderTime: r.implausibleProviderTime }),
    currency: r.currency,
    amount: r.amount,
    lines: r.lines.map((l) => ({
      lineId: l.lineId,
      name: l.name,
      quantity: l.quantity,
      amount: l.amount,
    })),
    ...(r.lineQuantities === null ? {} : { lineQuantities: lineQuantitiesOf(r.lineQuantities) }),
    ...(affiliate === null
      ? {}
      : {
          affiliate: {
            affiliateId: affiliate.affiliateId,
            ...(affiliate.commission === null ? {} : { commission: affiliate.commission }),
          },
        }),
    subscriptionRefs: r.subscriptionRefs,
    ...(r.reason === null ? {} : { reason: r.reason }),
    providerStatus: r.providerStatus,
    test: r.test,
  };
}

/** The Avro record of a persisted state. */
export function toAvroState(state: OrderState): AvroOrderState {
  return { ...state, parked: state.parked.map(toAvroNotification) };
}

/** The persisted state an Avro record holds, laid out exactly as the machine writes it. */
export function fromAvroState(r: AvroOrderState): OrderState {
  if (!(ORDER_STATUSES as readonly string[]).includes(r.status))
    throw new OrderMachineError('invalid_record', `unknown order status ${r.status}`);
  return {
    status: r.status as OrderStatus,
    orderKey: r.orderKey,
    provider: providerOf(r.provider),
    merchantId: r.merchantId,
    orderRef: r.orderRef,
    version: r.version,
    currency: r.currency,
    amount: r.amount,
    paid: r.paid,
    refundedTotal: r.refundedTotal,
    totalRefundApplied: r.totalRefundApplied,
    chargedBackTotal: r.chargedBackTotal,
    chargeback: r.chargeback && {
      notificationId: r.chargeback.notificationId,
      amount: r.chargeback.amount,
      reasonCode: r.chargeback.reasonCode,
    },
    lines: r.lines.map((l) => ({
      lineId: l.lineId,
      name: l.name,
      quantity: l.quantity,
      amount: l.amount,
      refundedQuantity: l.refundedQuantity,
    })),
    affiliate: r.affiliate && {
      affiliateId: r.affiliate.affiliateId,
      commission: r.affiliate.commission,
    },
    subscriptionRefs: r.subscriptionRefs,
    seenNotificationIds: r.seenNotificationIds,
    parked: r.parked.map(fromAvroNotification),
    overdueNotificationIds: r.overdueNotificationIds,
  };
}
