export { CommissionError, isCommissionError, type CommissionErrorCode } from './commission-error';
export {
  startCommissionReversals,
  type CommissionReversalsOptions,
  type RunningCommissionReversals,
} from './service/start-commission-reversals';
export {
  DEFAULT_HTTP_PORT,
  startCommissionReversalsFromEnv,
  type StartedFromEnv,
} from './service/start-from-env';
export {
  defaultCommissionSettings,
  ledgerGroupId,
  loadCommissionSettings,
  type CommissionSettings,
} from './settings/commission-settings';
export {
  affiliateKey,
  type AdjustmentBase,
  type CommissionAdjustment,
  type CommissionAdjustmentType,
  type CommissionEarned,
  type CommissionReinstated,
  type CommissionReversed,
  type ReversalReason,
} from './decide/commission-adjustment';
export type { CommissionState } from './decide/commission-state';
export {
  decideCommission,
  type CommissionDecision,
  type DecisionOutcome,
} from './decide/decide-commission';
export { decideEvents, type DecidedEvents } from './decide/decide-events';
export {
  commissionTermsOf,
  parseCommissionTerms,
  type CommissionTerms,
} from './terms/commission-terms';
export { parseCommissionRate, type CommissionRate } from './terms/commission-rate';
export { saleCommission, type EarnedFrom, type SaleCommission } from './terms/sale-commission';
export {
  fromAvroAdjustment,
  toAvroAdjustment,
  type AvroCommissionAdjustment,
} from './avro/adjustment-avro';
export {
  readLedger,
  type AffiliateLedgerPage,
  type CurrencyBalance,
  type PageRequest,
} from './ledger/read-ledger';
export type { LedgerEntry } from './ledger/ledger-entry';
export { createCommissionMetrics, type CommissionMetrics } from './metrics/commission-metrics';
