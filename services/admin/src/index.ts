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
