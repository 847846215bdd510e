export { decide, type DecideOptions, type Decision, type OrderInput } from './decide';
export {
  LIFECYCLE_EVENT_TYPES,
  type ChargebackLost,
  type ChargebackOpened,
  type ChargebackWon,
  type LifecycleEvent,
  type LifecycleEventBase,
  type LifecycleEventType,
  type NotificationRejected,
  type OrderAffiliate,
  type OrderLine,
  type OrderPaid,
  type PaymentDenied,
  type PaymentPending,
  type RefundApplied,
  type RefundKind,
  type SubscriptionEnded,
} from './events/lifecycle-event';
export { orderMachine } from './machine/order-machine';
export { OrderMachineError, type OrderMachineErrorCode } from './order-machine-error';
export {
  REFUND_WARNING_CODES,
  type RefundWarning,
  type RefundWarningCode,
} from './rules/refund-warnings';
export { REJECTION_REASONS, type Rejection, type RejectionReason } from './rules/rejection-reason';
export {
  ORDER_STATUSES,
  emptyOrderState,
  remainingOf,
  type OpenChargeback,
  type OrderIdentity,
  type OrderLineState,
  type OrderState,
  type OrderStatus,
} from './state/order-state';
export { orphanDeadline } from './state/orphan-deadline';
export { fromAvroEvent, toAvroEvent } from './avro/event-avro';
export type { OrderLifecycleEvent } from './avro/order-lifecycle-event';
export {
  fromAvroState,
  toAvroState,
  type AvroCanonicalNotification,
  type AvroOrderState,
} from './avro/state-avro';
export { RESOLUTION_FITS, resolutionFits } from './lifecycle/operator-resolution';
