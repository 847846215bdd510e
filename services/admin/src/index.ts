export { CaseBook, type CaseFigures, type CaseFilter } from './cases/case-book';
export type { Case, CaseAmounts, CaseKind, CaseResolution, CaseStatus } from './cases/case';
export {
  COMMAND_ID_PREFIX,
  MONEY_MOVING_KINDS,
  OPERATOR_HEADER,
  OVERDUE_EVENT_TYPE,
  REDRIVE_HEADER,
  caseIdOf,
} from './cases/case-sources';
export { decodeEntry, type DecodeValue, type SourceTopic } from './log/decode-entry';
export type { DeadLetterEntry, DeadLetterQueue, LogEntry, LogPosition } from './log/log-entry';
export { AdminError, isAdminError, ADMIN_STATUS_OF, type AdminErrorCode } from './admin-error';
export {
  authenticate,
  parseTokens,
  type Principal,
  type Role,
  type TokenEntry,
} from './auth/tokens';
export { loadAdminSettings, type AdminSettings } from './settings/admin-settings';
export { TimelineIndex } from './timeline/timeline-index';
export type { NotificationOutcome, TimelineEntry } from './timeline/timeline-entry';
export { AdminProjection } from './projection/admin-projection';
export { planResolution, type ResolutionPlan } from './commands/plan-resolution';
export { allowedResolutions } from './commands/allowed-resolutions';
export { buildAdmin } from './http/build-admin';
export { openApiDocument } from './openapi/openapi-document';
export { answerValidator, type AnswerCheck } from './openapi/answer-validator';
export { startAdmin, type AdminOptions, type RunningAdmin } from './service/start-admin';
export { startAdminFromEnv } from './service/start-from-env';
