import { CaseBook } from '../cases/case-book';
import type { Case } from '../cases/case';
import { identifyNotification } from '../timeline/identify-notification';
import { TimelineIndex } from '../timeline/timeline-index';
import type { IdentifyNotification, TimelineRecord } from '../timeline/timeline-record';

/**
 * What the admin service knows, folded from the log: the cases and the order timelines.
 * Rebuilt from the topics at every start; never a source of truth.
 */
export class AdminProjection {
  readonly cases = new CaseBook();
  readonly timelines: TimelineIndex;

  constructor(identify: IdentifyNotification = identifyNotification) {
    this.timelines = new TimelineIndex(identify);
  }

  /** Folds one decoded record into both views. */
  apply(record: TimelineRecord): void {
    if (record.source === 'cancellation') this.cases.applyCancellation(record.cancellation);
    else if (record.source !== 'adjustment') this.cases.apply(record);
    this.timelines.apply(record);
  }

  /** The raw notification a case is about, if the raw topic (still) has it. */
  subjectOf(c: Case) {
    return this.timelines.rawOf(c.orderKey, c.subjectId);
  }
}
