export { decide, type DecideOptions, type OrderInput } from './decide';
export {
  type ChargebackLost,
  type ChargebackOpened,
  type ChargebackWon,
  type LifecycleEvent,
  type LifecycleEventBase,
  type OrderLine,
  type OrderPaid,
  type PaymentDenied,
  type RefundApplied,
} from './events/lifecycle-event';
export { type OrderState } from './state/order-state';
export { orphanDeadline } from './state/orphan-deadline';
export { fromAvroEvent, toAvroEvent } from './avro/event-avro';
export type { OrderLifecycleEvent } from './avro/order-lifecycle-event';
export { fromAvroState, toAvroState, type AvroOrderState } from './avro/state-avro';
export { resolutionFits } from './lifecycle/operator-resolution';
export { effectiveProviderTime, PROVIDER_TIME_WARNING_CODE } from './rules/provider-time';
