import type { LogPosition } from '../log/log-entry';
import type { TimelineEntry, TimelineEntryBase } from './timeline-entry';
import type { TimelineRecord } from './timeline-record';

const base = (p: LogPosition, summary: string): TimelineEntryBase => ({
  topic: p.topic,
  partition: p.partition,
  offset: p.offset,
  at: new Date(p.timestamp).toISOString(),
  summary,
});

const money = (amount: number | null, currency: string) =>
  amount === null ? '' : ` ${amount} ${currency}`;

/**
 * The timeline entry of one record, before a raw record's outcome is joined in (it reads
 * `pending` here).
 */
export function toEntry(record: TimelineRecord): TimelineEntry {
  switch (record.source) {
    case 'raw': {
      const { raw, command, redrive } = record;
      const what =
        command !== null
          ? `operator ${command.resolution} by ${command.operatorId}`
          : `${raw.provider} notification${redrive === null ? '' : ` (redrive of ${redrive.deadLetterId})`}`;
      return {
        kind: 'notification',
        ...base(record.position, what),
        provider: raw.provider,
        merchantId: raw.merchantId,
        contentType: raw.contentType,
        receivedAt: new Date(raw.receivedAt).toISOString(),
        ingressId: raw.ingressId,
        notificationId: null,
        notificationKind: null,
        signatureScheme: command === null ? null : 'operator',
        amount: null,
        currency: null,
        operatorCommand: command,
        redriveOf: redrive?.deadLetterId ?? null,
        outcome: 'pending',
        reason: null,
      };
    }
    case 'event': {
      const e = record.event;
      const warning = e.providerTimeWarning ?? null;
      const why =
        (e.reason === null ? '' : ` (${e.reason})`) +
        (warning === null ? '' : ` (provider time ${warning.providerTime} implausible)`);
      return {
        kind: 'event',
        ...base(record.position, `${e.type}${money(e.amount, e.currency)}${why}`),
        type: e.type,
        eventId: e.eventId,
        occurredAt: new Date(e.occurredAt).toISOString(),
        causationId: e.causationId,
        sequence: e.sequence,
        currency: e.currency,
        amount: e.amount,
        refundedTotal: e.refundedTotal,
        remaining: e.remaining,
        reason: e.reason,
        detail: e.detail,
      };
    }
    case 'adjustment': {
      const a = record.adjustment;
      return {
        kind: 'commission_adjustment',
        ...base(record.position, `${a.type} ${a.affiliateId}${money(a.amount, a.currency)}`),
        type: a.type,
        adjustmentId: a.adjustmentId,
        affiliateId: a.affiliateId,
        sourceEventId: a.sourceEventId,
        reason: a.reason,
        currency: a.currency,
        amount: a.amount,
        earnedTotal: a.earnedTotal,
        reversedTotal: a.reversedTotal,
      };
    }
    case 'cancellation': {
      const c = record.cancellation;
      return {
        kind: 'cancellation',
        ...base(record.position, `${c.type} ${c.subscriptionRef}`),
        type: c.type,
        eventId: c.eventId,
        subscriptionRef: c.subscriptionRef,
        causationId: c.causationId,
        cause: c.cause,
        attempts: c.attempts,
      };
    }
    case 'dead_letter': {
      const d = record.deadLetter;
      return {
        kind: 'dead_letter',
        ...base(d.position, `dead letter ${d.id}: ${d.errorCode}`),
        deadLetterId: d.id,
        queue: d.queue,
        errorCode: d.errorCode,
        errorMessage: d.errorMessage,
      };
    }
  }
}
