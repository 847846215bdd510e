/**
 * Remembers where each transactional id's coordinator is. kafkajs 2.2.4 asks the cluster
 * (a `FindCoordinator` round trip) before every transactional request: three times per
 * transaction (`AddOffsetsToTxn`, `AddPartitionsToTxn`, `EndTxn`), a third of a transaction's
 * round trips. Java's producer keeps the coordinator until a request to it fails; so does
 * this cache, with a time limit on top.
 *
 * Scope: only lookups of transaction coordinators (consumer-group lookups are untouched), one
 * Kafka cluster per process (the entries are keyed by transactional id, and every client of a
 * process is built from the same `KAFKA_BROKERS`). A failed transactional request forgets its
 * id's entry, so kafkajs's own retry (or the next transaction) asks the cluster again.
 * Fencing is unchanged: `InitProducerId` still goes to the coordinator and bumps the epoch.
 */

import { refuseUnlessPatchable } from './kafkajs-patch-guard';

/** How long a coordinator is trusted without a failure: bounds staleness after a move. */
const TRANSACTION_COORDINATOR_CACHE_MS = 10_000;

/** kafkajs's `COORDINATOR_TYPES.TRANSACTION`. */
const TRANSACTION = 1;

/** The transactional requests whose failure forgets the coordinator of their id. */
const TRANSACTIONAL_REQUESTS = [
  'initProducerId',
  'addPartitionsToTxn',
  'addOffsetsToTxn',
  'endTxn',
] as const;

type Lookup = (request: { groupId: string; coordinatorType?: number }) => Promise<unknown>;
type Request = (request: { transactionalId?: string }) => Promise<unknown>;

interface Entry {
  readonly metadata: Promise<unknown>;
  readonly expiresAt: number;
}

/** A transactional id's coordinator lookup, shared by every client of the process. */
export class CoordinatorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached lookup of `transactionalId`, or a new one through `lookup`. */
  get(transactionalId: string, lookup: () => Promise<unknown>): Promise<unknown> {
    const entry = this.entries.get(transactionalId);
    if (entry && entry.expiresAt > this.now()) return entry.metadata;
    const metadata = lookup();
    this.entries.set(transactionalId, { metadata, expiresAt: this.now() + this.ttlMs });
    // A failed lookup is never served again.
    metadata.catch(() => this.forget(transactionalId, metadata));
    return metadata;
  }

  /** Drops the entry of `transactionalId` (only `metadata`'s, when given). */
  forget(transactionalId: string, metadata?: Promise<unknown>): void {
    if (metadata === undefined || this.entries.get(transactionalId)?.metadata === metadata) {
      this.entries.delete(transactionalId);
    }
  }
}

/** `CONCURRENT_TRANSACTIONS` says the coordinator is right, only busy: keep the entry. */
const keepsCoordinator = (error: unknown): boolean =>
  (error as { type?: unknown } | null)?.type === 'CONCURRENT_TRANSACTIONS';

let installed = false;

/**
 * Installs the cache into kafkajs's cluster (lookups) and broker (failures), process-wide and
 * once. Refuses another kafkajs than the one it was written for, at start-up and loudly.
 *
 * @throws KafkaError `kafka_client_incompatible` on another kafkajs version or shape
 */
export function installTransactionCoordinatorCache(): void {
  if (installed) return;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Cluster = require('kafkajs/src/cluster') as {
    prototype: { findGroupCoordinatorMetadata?: Lookup };
  };
  const Broker = require('kafkajs/src/broker') as {
    prototype: Partial<Record<(typeof TRANSACTIONAL_REQUESTS)[number], Request>>;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const lookup = Cluster.prototype.findGroupCoordinatorMetadata;
  const missing = TRANSACTIONAL_REQUESTS.filter(
    (name) => typeof Broker.prototype[name] !== 'function',
  );
  refuseUnlessPatchable(
    'transaction coordinator cache',
    `cluster.findGroupCoordinatorMetadata, broker ${TRANSACTIONAL_REQUESTS.join(', ')}`,
    typeof lookup === 'function' && missing.length === 0,
  );
  installed = true;
  const cache = new CoordinatorCache(TRANSACTION_COORDINATOR_CACHE_MS);
  Cluster.prototype.findGroupCoordinatorMetadata = function cachedLookup(this: unknown, request) {
    if (request.coordinatorType !== TRANSACTION) return lookup.call(this, request);
    return cache.get(request.groupId, () => lookup.call(this, request));
  };
  for (const name of TRANSACTIONAL_REQUESTS) {
    const send = Broker.prototype[name]!;
    Broker.prototype[name] = async function forgettingOnFailure(this: unknown, request) {
      try {
        return await send.call(this, request);
      } catch (error) {
        if (request.transactionalId !== undefined && !keepsCoordinator(error)) {
          cache.forget(request.transactionalId);
        }
        throw error;
      }
    };
  }
}
