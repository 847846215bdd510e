export { describeProgress, type ProvisioningProgress } from './progress';
export { provisionAll, type ProvisionAllOptions } from './provision-all';
export { ProvisioningError, type ProvisioningErrorCode } from './provisioning-error';
