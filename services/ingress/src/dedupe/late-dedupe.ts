import { NO_DEDUPE, type EdgeDedupe } from './edge-dedupe';

/** An {@link EdgeDedupe} whose store arrives later (Redis connecting in the background). */
export interface LateDedupe extends EdgeDedupe {
  /** Starts using `store`. */
  attach(store: EdgeDedupe): void;
}

/** Remembers nothing until a store is attached, then delegates to it. */
export function lateDedupe(): LateDedupe {
  let store: EdgeDedupe = NO_DEDUPE;
  return {
    seen: (notificationId) => store.seen(notificationId),
    remember: (notificationId, ingressId) => store.remember(notificationId, ingressId),
    // Before Redis is attached there is no record: let it through (the URL token still holds).
    sameFingerprint: (key, fingerprint) =>
      store.sameFingerprint?.(key, fingerprint) ?? Promise.resolve(true),
    attach: (next) => {
      store = next;
    },
  };
}
