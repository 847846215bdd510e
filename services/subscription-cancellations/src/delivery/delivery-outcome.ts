import type { CancellationFailure } from '../events/cancellation-event';

/** How one cancellation request ended in this batch. */
export type DeliveryOutcome =
  | {
      readonly kind: 'cancelled';
      readonly attempts: number;
      readonly alreadyCancelled: boolean;
      /** No call now: the record showed this very request done before (a batch redone). */
      readonly fromRecord: boolean;
    }
  | { readonly kind: 'failed'; readonly attempts: number; readonly failure: CancellationFailure }
  | {
      /** Another lifecycle event cancelled the subscription first: nothing to do or emit. */
      readonly kind: 'superseded';
      readonly byCausationId: string;
    };
