import type { OperatorResolution } from '@clawback/notifications';

/**
 * What a case is about (ADR 0014): a rejected or overdue fact, a dead letter, or (ADR 0020) a
 * fact applied at its receipt because its provider time was implausible.
 */
type CaseKind =
  'rejected' | 'overdue' | 'dead_letter' | 'cancellation_dead_letter' | 'provider_time';

/** `open` until a resolution took effect; `dismissed` by an operator; `resolved` otherwise. */
export type CaseStatus = 'open' | 'resolved' | 'dismissed';

/** How a case was (or was attempted to be) resolved. */
export interface CaseResolution {
  readonly commandId: string;
  readonly resolution: OperatorResolution | 'redrive';
  readonly operatorId: string;
  readonly reason: string;
  /** Target order of an attach; the case's order otherwise. */
  readonly orderKey: string;
  /** Event ids the command caused (empty for dismiss and redrive). */
  readonly eventIds: readonly string[];
  /** Set when the lifecycle refused the command: its detail. */
  readonly refusal: string | null;
}

/** Money on a case, in minor units of `currency`. */
interface CaseAmounts {
  readonly currency: string | null;
  /** What the notification said moved. */
  readonly amount: number | null;
  /** What a resolution applied (e.g. the remainder of an over-refund). */
  readonly applied: number;
  /** `amount - applied` once something was applied, else `null`. */
  readonly excess: number | null;
}

/** One exception an operator can see and resolve; a projection of the log, never a source. */
export interface Case {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  /** A rejection reason, `overdue`, `provider_time_implausible`, or a dead letter's error code. */
  readonly reasonCode: string;
  readonly detail: string;
  /** The notification (or dead letter id) the case is about. */
  readonly subjectId: string;
  readonly amounts: CaseAmounts;
  /** ISO 8601; provider time for lifecycle cases, dead-letter time for dead letters. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly status: CaseStatus;
  /** Every resolution attempted, oldest first. */
  readonly resolutions: readonly CaseResolution[];
}
