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

import { KafkaError } from './kafka-error';

/** The one kafkajs release whose private cluster method this was written for. */
const PATCHED_KAFKAJS_VERSION = '2.2.4';

/** Broker answers that say "ask again once you know the current leader". */
const LEADERSHIP_ANSWERS: ReadonlySet<string> = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'OFFSET_NOT_AVAILABLE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
]);

/** How a leadership answer is retried. */
export interface LeaderRefreshOptions {
  /** Lookups in total, the first included. */
  readonly attempts: number;
  /** Ceiling of the first wait; doubles each time ("full jitter"). */
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

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `lookup`; after a leadership answer, waits, runs `refresh` (new metadata) and looks up
 * again, up to `options.attempts` lookups in all.
 */
export async function refreshingOnLeaderMove<T>(
  lookup: () => Promise<T>,
  refresh: () => Promise<void>,
  options: LeaderRefreshOptions = DEFAULTS,
): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? pause;
  for (let attempt = 1; ; attempt++) {
    try {
      return await lookup();
    } catch (error) {
      if (attempt >= options.attempts || !isLeadershipAnswer(error)) throw error;
      await sleep(Math.floor(random() * options.initialDelayMs * 2 ** (attempt - 1)));
      await refresh();
    }
  }
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
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { version } = require('kafkajs/package.json') as { version?: string };
  const Cluster = require('kafkajs/src/cluster') as {
    prototype: { fetchTopicsOffset?: FetchTopicsOffset; refreshMetadata?: unknown };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const fetchTopicsOffset = Cluster.prototype.fetchTopicsOffset;
  if (
    version !== PATCHED_KAFKAJS_VERSION ||
    typeof fetchTopicsOffset !== 'function' ||
    typeof Cluster.prototype.refreshMetadata !== 'function'
  ) {
    throw new KafkaError(
      'kafka_client_incompatible',
      `the offsets leader refresh in @clawback/kafka was written for kafkajs ` +
        `${PATCHED_KAFKAJS_VERSION} (cluster.fetchTopicsOffset, cluster.refreshMetadata); ` +
        `found kafkajs ${version ?? '(unknown version)'}`,
      { retriable: false },
    );
  }
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
