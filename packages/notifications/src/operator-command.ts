import type { CanonicalNotification } from './canonical-notification';
import type { ProviderName } from './provider';

/** `provider` of a `payments.notifications.raw` record that carries an operator command. */
export const OPERATOR_SOURCE = 'operator';

/** `contentType` of an operator command record; its body is the command as UTF-8 JSON. */
export const OPERATOR_COMMAND_CONTENT_TYPE = 'application/vnd.clawback.operator-command+json';

/**
 * What an operator decided about a case (ADR 0014):
 * - `apply`: accept a rejected money fact on its own order, within its reason's limits;
 * - `attach`: the fact belongs to the command's (target) order;
 * - `dismiss`: the fact is left as it is (a parked one is released).
 */
export type OperatorResolution = 'apply' | 'attach' | 'dismiss';

/** Every {@link OperatorResolution}. */
export const OPERATOR_RESOLUTIONS = ['apply', 'attach', 'dismiss'] as const;

/**
 * An operator's resolution, decoded from the log: the canonical input the order machine decides
 * on, in order with the provider's notifications of the same order. Every field comes from the
 * command record (and the raw notification it carries), so a replay decides it identically.
 */
export interface OperatorCommand {
  /** Unique per command; the dedupe key and the `causationId` of the events it causes. */
  readonly commandId: string;
  readonly resolution: OperatorResolution;
  readonly caseId: string;
  /** The case's reason code as the operator saw it (a rejection reason, `overdue`, …). */
  readonly caseReason: string;
  readonly operatorId: string;
  /** Why, in the operator's words. */
  readonly reason: string;
  /** When the operator issued it, ISO 8601 UTC (wall-clock, written into the log). */
  readonly issuedAt: string;
  /** The target order: the record key. */
  readonly orderKey: string;
  readonly provider: ProviderName;
  readonly merchantId: string;
  readonly orderRef: string;
  /** The notification the case is about. */
  readonly subjectNotificationId: string;
  /** That notification, normalized from the raw record the command carries (not for dismiss). */
  readonly subject: CanonicalNotification | null;
}

/** The raw notification a command carries, as written in the command body. */
export interface OperatorCommandSubject {
  readonly provider: string;
  readonly merchantId: string;
  readonly contentType: string;
  /** Epoch milliseconds, as in the original record. */
  readonly receivedAt: number;
  /** The original body, base64. */
  readonly body: string;
}

/** The JSON body of an operator command record (`version` 1). */
export interface OperatorCommandBody {
  readonly version: 1;
  readonly commandId: string;
  readonly resolution: OperatorResolution;
  readonly caseId: string;
  readonly caseReason: string;
  readonly operatorId: string;
  readonly reason: string;
  readonly issuedAt: string;
  readonly subjectNotificationId: string;
  readonly subject: OperatorCommandSubject | null;
}
