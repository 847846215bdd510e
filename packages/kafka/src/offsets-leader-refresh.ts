/**
 * Makes kafkajs's offset lookups survive a moved partition leader. kafkajs 2.2.4 sends
 * `ListOffsets` to the leader its cached metadata names and keeps that metadata for five
 * minutes; `admin.fetchTopicOffsets` retries only `UNKNOWN_TOPIC_OR_PARTITION`, so a leader that
 * moved since (a new cluster settling, a broker restarted) makes every lookup fail with
 * `NOT_LEADER_FOR_PARTITION` until the metadata expires. The cluster suite saw exactly that: a
 * downstream service's start-up rebuild failed so and the process exited. Here a lookup that
 * meets a leadership answer refreshes the metadata and asks again, with backoff and jitter, a
 * bounded number of times; any other failure, or the last one, reaches the caller unchanged.
 */

import { retry } from '@clawback/errors';
import { refuseUnlessPatchable } from './kafkajs-patch-guard';

/** Broker answers that say "ask again once you know the current leader". */
const LEADERSHIP_ANSWERS: ReadonlySet<string> = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'OFFSET_NOT_AVAILABLE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
]);

/** How a leadership answer is retried (`retry` of `@clawback/errors`: full jitter, doubling). */
export interface LeaderRefreshOptions {
  /** Lookups in total, the first included. */
  readonly attempts: number;
  /** Ceiling of the first wait; doubles each time. */
  readonly initialDelayMs: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS: LeaderRefreshOptions = { attempts: 6, initialDelayMs: 100 };

/** True when kafkajs's `error` is a leadership answer (the error itself or one it aggregates). */
export function isLeadershipAnswer(error: unknown): boolean {
  const { type, errors } = (error ?? {}) as { type?: unknown; errors?: unknown };
  if (typeof type === 'string' && LEADERSHIP_ANSWERS.has(type)) return true;
  return Array.isArray(errors) && errors.some(isLeadershipAnswer);
}

/**
 * Runs `lookup`; after a leadership answer, waits, runs `refresh` (new metadata) and looks up
 * again, up to `options.attempts` lookups in all.
 */
export function refreshingOnLeaderMove<T>(
  lookup: () => Promise<T>,
  refresh: () => Promise<void>,
  options: LeaderRefreshOptions = DEFAULTS,
): Promise<T> {
  return retry(
    async (attempt) => {
      if (attempt > 1) await refresh();
      return lookup();
    },
    {
      ...options,
      // The doubling never reaches a cap within the few attempts.
      maxDelayMs: options.initialDelayMs * 2 ** options.attempts,
      shouldRetry: isLeadershipAnswer,
    },
  );
}

type FetchTopicsOffset = (this: ClusterLike, topics: unknown) => Promise<unknown>;
interface ClusterLike {
  refreshMetadata(): Promise<void>;
}

let installed = false;

/**
 * Installs the refresh into kafkajs's `Cluster.fetchTopicsOffset` (every admin offset lookup
 * goes through it), process-wide and once. Refuses another kafkajs than the one it was written
 * for, at start-up and loudly.
 *
 * @throws KafkaError `kafka_client_incompatible` on another kafkajs version or shape
 */
export function installOffsetsLeaderRefresh(): void {
  if (installed) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Cluster = require('kafkajs/src/cluster') as {
    prototype: { fetchTopicsOffset?: FetchTopicsOffset; refreshMetadata?: unknown };
  };
  const fetchTopicsOffset = Cluster.prototype.fetchTopicsOffset;
  refuseUnlessPatchable(
    'offsets leader refresh',
    'cluster.fetchTopicsOffset, cluster.refreshMetadata',
    typeof fetchTopicsOffset === 'function' &&
      typeof Cluster.prototype.refreshMetadata === 'function',
  );
  installed = true;
  Cluster.prototype.fetchTopicsOffset = function refreshingFetchTopicsOffset(
    this: ClusterLike,
    topics,
  ) {
    return refreshingOnLeaderMove(
      () => fetchTopicsOffset.call(this, topics),
      () => this.refreshMetadata(),
    );
  };
}
