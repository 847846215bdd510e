import type {
  CompletedCancellation,
  CompletedCancellations,
} from '../completed/completed-cancellations';
import { subscriptionKey } from '../events/identity';

/** {@link CompletedCancellations} in a map, for unit tests. */
export function memoryCompleted(): CompletedCancellations & {
  readonly records: Map<string, CompletedCancellation>;
} {
  const records = new Map<string, CompletedCancellation>();
  return {
    records,
    find: (s) => Promise.resolve(records.get(subscriptionKey(s))),
    record: (s, completed) => {
      const key = subscriptionKey(s);
      if (!records.has(key)) records.set(key, completed);
      return Promise.resolve(records.get(key)!);
    },
    recordCommitted: (facts) => {
      for (const { provider, merchantId, subscriptionRef, ...completed } of facts) {
        const key = subscriptionKey({ provider, merchantId, subscriptionRef });
        if (!records.has(key)) records.set(key, completed);
      }
      return Promise.resolve();
    },
  };
}
