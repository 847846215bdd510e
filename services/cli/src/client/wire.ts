/**
 * The admin API's answers as the CLI reads them (docs/operations.md). Only what the tables
 * show is named; `--json` prints the answer as it came, so fields added later are not lost.
 */

/** One line of `GET /v1/orders/{orderKey}`. */
export interface TimelineEntry {
  readonly kind: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly at: string;
  readonly summary: string;
  readonly type?: string;
  readonly outcome?: string;
  readonly reason?: string | null;
  readonly currency?: string | null;
  readonly amount?: number | null;
  /** Notifications only: the signature scheme the body carries, `operator` for a command. */
  readonly signatureScheme?: string | null;
  readonly errorCode?: string;
}

/** `GET /v1/orders/{orderKey}`. */
export interface OrderTimeline {
  readonly orderKey: string;
  readonly entries: readonly TimelineEntry[];
}

/** One resolution attempted on a case. */
export interface CaseResolution {
  readonly commandId: string;
  readonly resolution: string;
  readonly operatorId: string;
  readonly reason: string;
  readonly orderKey: string;
  readonly eventIds: readonly string[];
  readonly refusal: string | null;
}

/** `GET /v1/cases/{caseId}` (a list item lacks `allowedResolutions`). */
export interface Case {
  readonly caseId: string;
  readonly kind: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly reasonCode: string;
  readonly detail: string;
  readonly subjectId: string;
  readonly amounts: {
    readonly currency: string | null;
    readonly amount: number | null;
    readonly applied: number;
    readonly excess: number | null;
  };
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly status: string;
  readonly resolutions: readonly CaseResolution[];
  readonly allowedResolutions?: readonly string[];
}

/** A dead letter of either queue. */
export interface DeadLetter {
  readonly id: string;
  readonly queue: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly deadLetteredAt: number | string;
  /** The case the dead letter opened. */
  readonly caseId?: string;
}

/** `202` of `POST /v1/cases/{caseId}/resolutions`. */
export interface ResolutionAccepted {
  readonly commandId: string;
  readonly caseId: string;
  readonly orderKey: string;
}

/** `202` of `POST /v1/dead-letters/{id}/redrive`. */
export interface RedriveAccepted {
  readonly redriveId: string;
  readonly deadLetterId: string;
}
