/**
 * A correct `read_committed` filter for kafkajs 2.2.4. kafkajs drops the records of aborted
 * transactions with a filter that activates at most one aborted transaction per record and
 * expects the broker's list in first-offset order (the broker lists them in the order their
 * abort markers were written). When aborted transactions of several producers interleave in
 * one partition (several transactional writers per partition, e.g. adjustments keyed by
 * affiliate), kafkajs hands aborted records to the application; we reproduced this on
 * Kafka 3.9. The fix marks the aborted records of each fetch response as Java's consumer does,
 * and rewrites them so that kafkajs's own filter drops exactly those: records stay in the
 * response, so fetch positions advance as before.
 */

import { KafkaError } from './kafka-error';

/** A fetched record as kafkajs decodes it (only what the filter reads). */
interface FetchedRecord {
  readonly offset: string;
  readonly key: Buffer | null;
  readonly isControlRecord?: boolean;
  batchContext: { readonly producerId: string; readonly inTransaction: boolean };
}

/** One partition of a fetch response as kafkajs decodes it (only what the filter touches). */
export interface FetchedPartition {
  abortedTransactions?: { readonly producerId: string; readonly firstOffset: string }[];
  readonly messages: FetchedRecord[];
}

/** The producer id the rewritten aborted records carry; no real producer has it. */
export const ABORTED_PRODUCER_ID = '-2';

/** Control record keys are version (int16) and type (int16); type 0 is ABORT. */
const isAbortMarker = (record: FetchedRecord): boolean =>
  record.key !== null && record.key.length >= 4 && record.key.readInt16BE(2) === 0;

/**
 * The offsets of the records of `partition` that belong to aborted transactions: every
 * aborted transaction whose first offset has been reached is active for its producer until
 * that producer's abort marker.
 */
export function abortedRecordOffsets(partition: FetchedPartition): ReadonlySet<string> {
  const pending = [...(partition.abortedTransactions ?? [])].sort((a, b) =>
    BigInt(a.firstOffset) < BigInt(b.firstOffset) ? -1 : 1,
  );
  const active = new Set<string>();
  const aborted = new Set<string>();
  for (const record of partition.messages) {
    const offset = BigInt(record.offset);
    while (pending.length > 0 && BigInt(pending[0]!.firstOffset) <= offset) {
      active.add(pending.shift()!.producerId);
    }
    const { producerId, inTransaction } = record.batchContext;
    if (record.isControlRecord) {
      if (isAbortMarker(record)) active.delete(producerId);
    } else if (inTransaction && active.has(producerId)) {
      aborted.add(record.offset);
    }
  }
  return aborted;
}

/**
 * Rewrites one fetched partition so that kafkajs's filter drops exactly its aborted records:
 * they get the producer id {@link ABORTED_PRODUCER_ID}, and the aborted-transactions list
 * becomes one entry for that id starting at the first of them.
 */
export function rewriteAbortedRecords(partition: FetchedPartition): void {
  if (!partition.abortedTransactions?.length) return;
  const aborted = abortedRecordOffsets(partition);
  let first: string | undefined;
  for (const record of partition.messages) {
    if (!aborted.has(record.offset)) continue;
    first ??= record.offset;
    record.batchContext = { ...record.batchContext, producerId: ABORTED_PRODUCER_ID };
  }
  partition.abortedTransactions =
    first === undefined ? [] : [{ producerId: ABORTED_PRODUCER_ID, firstOffset: first }];
}

interface FetchResponse {
  readonly responses?: readonly { readonly partitions?: readonly FetchedPartition[] }[];
}

/** The one kafkajs release whose private `Broker.prototype.fetch` this fix was written for. */
export const PATCHED_KAFKAJS_VERSION = '2.2.4';

let installed = false;

/**
 * Why the fix cannot be installed on this kafkajs (another version, or its broker's `fetch` is
 * gone), or `null` when it can. Exported for the start-up check's test.
 */
export function patchIncompatibility(
  version: string | undefined,
  broker: { prototype?: { fetch?: unknown } } | undefined,
): string | null {
  if (version !== PATCHED_KAFKAJS_VERSION) {
    return (
      `kafkajs ${version ?? '(unknown version)'} is installed, but the read_committed fix in ` +
      `@clawback/kafka (aborted-transactions.ts) was written for kafkajs ${PATCHED_KAFKAJS_VERSION} ` +
      'only: pin kafkajs to that version (npm ci with the lock file), or re-check the fix ' +
      'against the new version and update PATCHED_KAFKAJS_VERSION'
    );
  }
  if (typeof broker?.prototype?.fetch !== 'function') {
    return 'kafkajs/src/broker has no prototype.fetch: the read_committed fix cannot be installed';
  }
  return null;
}

/**
 * Makes every kafkajs fetch answer go through {@link rewriteAbortedRecords}, by wrapping the
 * broker's `fetch` (looked up on the prototype at each call, so it applies to clients built
 * before or after). Idempotent. It replaces a private method process-wide, so it refuses, at
 * start-up and loudly, any kafkajs other than {@link PATCHED_KAFKAJS_VERSION}: a silent
 * mismatch would hand aborted records to read_committed readers again.
 *
 * @throws KafkaError `kafka_client_incompatible` on another kafkajs version or shape
 */
export function installAbortedTransactionsFix(): void {
  if (installed) return;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { version } = require('kafkajs/package.json') as { version?: string };
  const Broker = require('kafkajs/src/broker') as {
    prototype: { fetch: (...args: unknown[]) => Promise<FetchResponse> };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const problem = patchIncompatibility(version, Broker);
  if (problem !== null) {
    throw new KafkaError('kafka_client_incompatible', problem, { retriable: false });
  }
  installed = true;
  const fetch = Broker.prototype.fetch;
  Broker.prototype.fetch = async function fetchWithAbortedFix(this: unknown, ...args: unknown[]) {
    const response = await fetch.apply(this, args);
    for (const topic of response.responses ?? []) {
      for (const partition of topic.partitions ?? []) rewriteAbortedRecords(partition);
    }
    return response;
  };
}
