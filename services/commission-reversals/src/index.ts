export { startCommissionReversalsFromEnv } from './service/start-from-env';
export { ledgerGroupId } from './settings/commission-settings';
export { type CommissionAdjustment } from './rules/commission-adjustment';
export { fromAvroAdjustment, type AvroCommissionAdjustment } from './avro/adjustment-avro';
