import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { DeadLetterEntry, LogEntry, LogPosition } from '../log/log-entry';
import type { Case } from './case';
import {
  COMMAND_ID_PREFIX,
  MONEY_MOVING_KINDS,
  OVERDUE_EVENT_TYPE,
  caseIdOf,
  deadLetterSource,
  lifecycleSource,
} from './case-sources';
import type { CancellationValue } from '../timeline/timeline-record';
import {
  caseView,
  type CancellationRedriveSeen,
  type CaseBase,
  type CommandSeen,
  type RedriveSeen,
} from './case-view';

/** Filters of {@link CaseBook.list}; every given one must match. */
export interface CaseFilter {
  readonly reason?: string;
  readonly merchant?: string;
  readonly status?: Case['status'];
  readonly orderKey?: string;
}

/** The figures behind the case metrics. */
export interface CaseFigures {
  readonly openByReason: ReadonlyMap<string, number>;
  /** Seconds since the oldest open case was written to the log; 0 without open cases. */
  readonly oldestOpenAgeSeconds: number;
}

const isCommandId = (id: string) => id.startsWith(COMMAND_ID_PREFIX);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The cases projection (ADR 0014): a fold over the lifecycle events, the raw topic's operator
 * commands and redrives, and both dead-letter topics. It holds no truth of its own; rebuilding
 * it from the topics gives the same cases, whatever order the topics were read in.
 */
export class CaseBook {
  private readonly bases = new Map<string, CaseBase>();
  private readonly commandsByCase = new Map<string, CommandSeen[]>();
  private readonly outcomes = new Map<string, OrderLifecycleEvent[]>();
  private readonly redrives = new Map<string, RedriveSeen[]>();
  private readonly deadLetters = new Map<string, DeadLetterEntry>();
  /** By case, then by the redriven dead letter. */
  private readonly cancellationRedrives = new Map<string, Map<string, CancellationRedriveSeen>>();

  /** Folds one record in. */
  apply(entry: LogEntry): void {
    if (entry.source === 'dead_letter') return this.onDeadLetter(entry.deadLetter);
    if (entry.source === 'event') return this.onEvent(entry.event, entry.position);
    if (entry.command !== null) {
      const list = this.commandsByCase.get(entry.command.caseId) ?? [];
      list.push({ body: entry.command, orderKey: entry.raw.orderKey });
      this.commandsByCase.set(entry.command.caseId, list);
    }
    if (entry.redrive !== null) {
      const caseId = caseIdOf(deadLetterSource(entry.redrive.deadLetterId));
      const list = this.redrives.get(caseId) ?? [];
      list.push({
        operatorId: entry.redrive.operatorId,
        reason: entry.redrive.reason,
        partition: entry.position.partition,
        offset: entry.position.offset,
      });
      this.redrives.set(caseId, list);
    }
  }

  /**
   * Folds one `subscriptions.cancellations` record in: the steps of a redrive (ADR 0019) are the
   * resolution of the dead letter's case, which is resolved once the subscription is cancelled.
   */
  applyCancellation(value: CancellationValue): void {
    const origin = value.redrive;
    if (origin === undefined || origin === null) return;
    const caseId = caseIdOf(deadLetterSource(origin.deadLetterId));
    const byDeadLetter =
      this.cancellationRedrives.get(caseId) ?? new Map<string, CancellationRedriveSeen>();
    this.cancellationRedrives.set(caseId, byDeadLetter);
    const seen: CancellationRedriveSeen = byDeadLetter.get(origin.deadLetterId) ?? {
      operatorId: origin.operatorId,
      reason: origin.reason,
      eventIds: [],
      outcome: 'pending',
    };
    byDeadLetter.set(origin.deadLetterId, seen);
    if (seen.eventIds.includes(value.eventId)) return;
    seen.eventIds.push(value.eventId);
    if (value.type === 'SubscriptionCancelled') seen.outcome = 'cancelled';
    if (value.type === 'SubscriptionCancellationFailed' && seen.outcome !== 'cancelled')
      seen.outcome = { failedWith: value.lastError?.code ?? 'unknown' };
  }

  /** The case, with its resolutions, or `undefined`. */
  get(caseId: string): Case | undefined {
    const base = this.bases.get(caseId);
    return base === undefined ? undefined : this.view(base);
  }

  /** Cases matching `filter`, oldest first. */
  list(filter: CaseFilter = {}): ReturnType<typeof caseView>[] {
    return [...this.bases.values()]
      .map((base) => this.view(base))
      .filter(
        (c) =>
          (filter.reason === undefined || c.reasonCode === filter.reason) &&
          (filter.merchant === undefined || c.merchantId === filter.merchant) &&
          (filter.status === undefined || c.status === filter.status) &&
          (filter.orderKey === undefined || c.orderKey === filter.orderKey),
      )
      .sort((a, b) => a.openedAtMs - b.openedAtMs || a.caseId.localeCompare(b.caseId));
  }

  /** Dead letters of one queue (or both), oldest first. */
  listDeadLetters(queue?: DeadLetterEntry['queue']): DeadLetterEntry[] {
    return [...this.deadLetters.values()].filter((d) => queue === undefined || d.queue === queue);
  }

  /** The dead letter with this id, or `undefined`. */
  deadLetter(id: string): DeadLetterEntry | undefined {
    return this.deadLetters.get(id);
  }

  /** Open cases by reason and the age of the oldest, at `nowMs`. */
  figures(nowMs: number): CaseFigures {
    const open = this.list({ status: 'open' });
    const openByReason = new Map<string, number>();
    for (const c of open) openByReason.set(c.reasonCode, (openByReason.get(c.reasonCode) ?? 0) + 1);
    const oldest = open.reduce((min, c) => Math.min(min, c.openedAtMs), nowMs);
    return { openByReason, oldestOpenAgeSeconds: Math.max(0, Math.floor((nowMs - oldest) / 1000)) };
  }

  private view(base: CaseBase) {
    return caseView(
      base,
      this.commandsByCase.get(base.caseId) ?? [],
      this.outcomes,
      this.redrives.get(base.caseId) ?? [],
      [...(this.cancellationRedrives.get(base.caseId)?.values() ?? [])],
    );
  }

  private onEvent(event: OrderLifecycleEvent, position: LogPosition): void {
    if (isCommandId(event.causationId)) {
      const list = this.outcomes.get(event.causationId) ?? [];
      list.push(event);
      this.outcomes.set(event.causationId, list);
      return;
    }
    const rejected =
      event.type === 'NotificationRejected' &&
      MONEY_MOVING_KINDS.includes(event.notificationKind as never);
    if (!rejected && event.type !== OVERDUE_EVENT_TYPE) return;
    const caseId = caseIdOf(lifecycleSource(event.orderKey, event.causationId));
    const known = this.bases.get(caseId);
    this.bases.set(caseId, {
      caseId,
      kind: rejected ? 'rejected' : 'overdue',
      orderKey: event.orderKey,
      merchantId: event.merchantId,
      provider: event.provider,
      reasonCode: rejected ? (event.reason ?? 'unknown') : 'overdue',
      detail: event.detail ?? '',
      subjectId: event.causationId,
      currency: event.currency,
      amount: event.amount,
      firstSeen: known?.firstSeen ?? iso(event.occurredAt),
      lastSeen: iso(event.occurredAt),
      openedAtMs: known?.openedAtMs ?? position.timestamp,
    });
  }

  private onDeadLetter(d: DeadLetterEntry): void {
    this.deadLetters.set(d.id, d);
    const caseId = caseIdOf(deadLetterSource(d.id));
    this.bases.set(caseId, {
      caseId,
      kind: d.queue === 'raw' ? 'dead_letter' : 'cancellation_dead_letter',
      orderKey: d.orderKey,
      merchantId: d.merchantId,
      provider: d.provider,
      reasonCode: d.errorCode,
      detail: d.errorMessage,
      subjectId: d.id,
      currency: null,
      amount: null,
      firstSeen: iso(d.deadLetteredAt),
      lastSeen: iso(d.deadLetteredAt),
      openedAtMs: d.deadLetteredAt,
    });
  }
}
