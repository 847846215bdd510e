import type { OrderLifecycleEvent } from '@clawback/order-machine';

import { outcomeOf } from './notification-outcome';
import type { NotificationTimelineEntry, TimelineEntry } from './timeline-entry';
import type { IdentifyNotification, TimelineRecord } from './timeline-record';
import { toEntry } from './to-entry';

type RawRecord = Extract<TimelineRecord, { source: 'raw' }>;

interface RawSeen {
  readonly record: RawRecord;
  /** The notification id (or command id) and kind, as the adapters derive them. */
  readonly id: string | null;
  readonly kind: string | null;
  /** `operator` for a command; what the adapters name for a provider's body. */
  readonly signatureScheme: string | null;
  /** Integer minor units of `currency`; null for commands and unreadable bodies. */
  readonly amount: number | null;
  readonly currency: string | null;
}

/** Kafka time, then topic, partition and offset: log order per source, merged by time. */
function compare(a: TimelineEntry, b: TimelineEntry): number {
  return (
    a.at.localeCompare(b.at) ||
    a.topic.localeCompare(b.topic) ||
    a.partition - b.partition ||
    Number(BigInt(a.offset) - BigInt(b.offset))
  );
}

/**
 * The order-timeline projection: every record about one order key from the raw topic, the
 * lifecycle events, commission adjustments, cancellations and dead letters. A pure fold; the
 * outcomes of raw records are joined at read time, so the result does not depend on which
 * topic was read first.
 */
export class TimelineIndex {
  private readonly byOrder = new Map<string, TimelineRecord[]>();
  private readonly raws = new Map<string, RawSeen[]>();
  private readonly caused = new Map<string, OrderLifecycleEvent[]>();
  private readonly deadLettered = new Map<string, string>();

  /** @param identify the adapters' notification id and kind of a provider's raw record */
  constructor(private readonly identify: IdentifyNotification) {}

  /** Folds one record in. */
  apply(record: TimelineRecord): void {
    const orderKey = this.orderKeyOf(record);
    if (orderKey === '') return;
    const list = this.byOrder.get(orderKey) ?? [];
    list.push(record);
    this.byOrder.set(orderKey, list);
    if (record.source === 'raw') {
      const facts = record.command === null ? this.identify(record.raw) : null;
      const known = facts?.normalized ?? null;
      const seen: RawSeen = {
        record,
        id: record.command?.commandId ?? known?.notificationId ?? null,
        kind: known?.kind ?? null,
        signatureScheme: facts === null ? 'operator' : facts.signatureScheme,
        amount: known?.amount ?? null,
        currency: known?.currency ?? null,
      };
      this.raws.set(orderKey, [...(this.raws.get(orderKey) ?? []), seen]);
    } else if (record.source === 'event') {
      const events = this.caused.get(record.event.causationId) ?? [];
      events.push(record.event);
      this.caused.set(record.event.causationId, events);
    } else if (record.source === 'dead_letter' && record.deadLetter.raw !== null) {
      this.deadLettered.set(record.deadLetter.raw.ingressId, record.deadLetter.errorCode);
    }
  }

  /** The first raw record of `orderKey` whose notification (or command) id is `id`. */
  rawOf(orderKey: string, id: string): RawRecord['raw'] | undefined {
    return this.raws.get(orderKey)?.find((r) => r.id === id)?.record.raw;
  }

  /** The order's timeline in order, or `undefined` when nothing is known about it. */
  timeline(orderKey: string): TimelineEntry[] | undefined {
    const records = this.byOrder.get(orderKey);
    if (records === undefined) return undefined;
    const raws = this.raws.get(orderKey) ?? [];
    const orderPaid = records.some((r) => r.source === 'event' && r.event.type === 'OrderPaid');
    return records
      .map((record) => {
        const entry = toEntry(record);
        if (record.source !== 'raw') return entry;
        return this.withOutcome(entry as NotificationTimelineEntry, record, raws, orderPaid);
      })
      .sort(compare);
  }

  private withOutcome(
    entry: NotificationTimelineEntry,
    record: RawRecord,
    raws: readonly RawSeen[],
    orderPaid: boolean,
  ): NotificationTimelineEntry {
    const index = raws.findIndex((r) => r.record === record);
    const seen = raws[index]!;
    const { outcome, reason } = outcomeOf({
      caused: seen.id === null ? [] : (this.caused.get(seen.id) ?? []),
      seenBefore: seen.id !== null && raws.slice(0, index).some((r) => r.id === seen.id),
      deadLetterCode: this.deadLettered.get(record.raw.ingressId) ?? null,
      notificationKind: seen.kind,
      orderPaid,
    });
    const summary = `${entry.summary} → ${outcome}${reason === null ? '' : ` (${reason})`}`;
    return {
      ...entry,
      notificationId: seen.id,
      notificationKind: seen.kind,
      signatureScheme: seen.signatureScheme,
      amount: seen.amount,
      currency: seen.currency,
      outcome,
      reason,
      summary,
    };
  }

  private orderKeyOf(record: TimelineRecord): string {
    switch (record.source) {
      case 'raw':
        return record.raw.orderKey;
      case 'event':
        return record.event.orderKey;
      case 'adjustment':
        return record.adjustment.orderKey;
      case 'cancellation':
        return record.cancellation.orderKey;
      case 'dead_letter':
        return record.deadLetter.orderKey;
    }
  }
}
