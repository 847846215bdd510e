import type { LoopOutcome } from '../lifecycle/lifecycle-bench';
import type { ServiceCounters } from '../pipeline/service-counters';
import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatMiB, round } from '../report/format';
import { summarize, type LatencySummary } from '../stats/percentiles';
import type { ReaderResult } from './events-reader';
import type { PacedResult, SentRequest } from './paced-request';
import type { SubstrateMeasurements } from './substrate-run';

/** Everything the end-to-end benchmark measured. */
export interface EndToEndMeasurements {
  readonly load: PacedResult;
  /** The measured requests that must cause an event (see `expectedEvents`), in the order sent. */
  readonly measured: readonly SentRequest[];
  /** Accepted requests behind an unanswered one of the same order (parked, not late). */
  readonly blocked: number;
  readonly seen: ReaderResult;
  readonly service: LoopOutcome;
  /** The ingress's record → Kafka acknowledgement, mean over its publishes. */
  readonly publishAck: { readonly meanMs: number; readonly count: number };
  readonly durationSeconds: number;
  /** The same load through a bare producer and a transactional copy (`measureSubstrate`). */
  readonly substrate: SubstrateMeasurements;
  /** Log lines at error level or above: a healthy run has none. */
  readonly errorLogLines: { readonly ingress: number; readonly lifecycle: number };
}

const rounded = (s: LatencySummary) => ({
  count: s.count,
  p50: round(s.p50, 1),
  p90: round(s.p90, 1),
  p99: round(s.p99, 1),
  max: round(s.max, 1),
  mean: round(s.mean, 1),
});

/** The JSON figures of the end-to-end benchmark. */
export interface EndToEndFigures {
  readonly offered: { readonly requests: number; readonly perSecond: number };
  readonly http: {
    readonly ok: number;
    readonly non2xx: number;
    readonly connectionErrors: number;
    /** Connection errors by Node's error code: a healthy run has none. */
    readonly connectionErrorsByCause: Readonly<Record<string, number>>;
    readonly shed: number;
    readonly latencyMs: ReturnType<typeof rounded>;
  };
  /** HTTP request start → first event caused by the notification read with read_committed. */
  readonly endToEndMs: ReturnType<typeof rounded>;
  /** HTTP request start → the lifecycle wrote that event (its record timestamp, in the transaction). */
  readonly toEventWrittenMs: ReturnType<typeof rounded>;
  /** The event written → visible to the read_committed reader: commit, markers, one fetch. */
  readonly writtenToVisibleMs: ReturnType<typeof rounded>;
  /** The lifecycle's mean milliseconds per batch in each stage, and records per batch. */
  readonly lifecycleBatch: Readonly<Record<string, number>>;
  /** The ingress's mean record → acknowledgement (ms), warm-up included. */
  readonly ingressPublishAckMeanMs: number;
  /** Log lines at error level or above during the run, by service (none in a healthy run). */
  readonly errorLogLines: { readonly ingress: number; readonly lifecycle: number };
  /** Expected events that never showed up within the settle timeout. */
  readonly missingEvents: number;
  /** Accepted notifications left out: an earlier one of their order was shed or refused. */
  readonly blockedBehindUnsent: number;
  readonly eventsRead: number;
  /** The substrate baseline: produced → acknowledged, and produced → copy visible. */
  readonly substrate: {
    readonly ackMs: ReturnType<typeof rounded>;
    readonly endToEndMs: ReturnType<typeof rounded>;
    readonly failedOrShed: number;
    readonly missing: number;
  };
  readonly lifecycle: {
    readonly peakRssBytes: number;
    readonly cpuCores: number;
    readonly counters: ServiceCounters;
  };
}

/** Per measured request: start → seen, start → written, written → seen (where known). */
function latencies(measured: readonly SentRequest[], seen: ReaderResult) {
  const endToEnd: number[] = [];
  const toWritten: number[] = [];
  const writtenToVisible: number[] = [];
  measured.forEach((request, i) => {
    const at = seen.seenAtMs[i];
    const written = seen.writtenAtMs[i];
    if (at === null || at === undefined) return;
    endToEnd.push(at - request.startMs);
    if (written === null || written === undefined || !Number.isFinite(written)) return;
    toWritten.push(written - request.startMs);
    writtenToVisible.push(at - written);
  });
  return { endToEnd, toWritten, writtenToVisible };
}

function substrateFigures(s: SubstrateMeasurements): EndToEndFigures['substrate'] {
  const timed = s.load.requests.filter((r) => !r.warmUp);
  const { endToEnd } = latencies(s.measured, s.seen);
  return {
    ackMs: rounded(summarize(s.measured.map((r) => r.endMs - r.startMs))),
    endToEndMs: rounded(summarize(endToEnd)),
    failedOrShed: timed.length - s.measured.length,
    missing: s.measured.length - endToEnd.length,
  };
}

/** Latency percentiles from the per-request timings. */
export function endToEndFigures(m: EndToEndMeasurements): EndToEndFigures {
  const timed = m.load.requests.filter((r) => !r.warmUp);
  const { endToEnd, toWritten, writtenToVisible } = latencies(m.measured, m.seen);
  return {
    offered: { requests: timed.length, perSecond: round(timed.length / m.durationSeconds, 0) },
    http: {
      ok: timed.filter((r) => r.status === 200).length,
      non2xx: timed.filter((r) => r.status > 0 && r.status !== 200).length,
      connectionErrors: timed.filter((r) => r.status === 0).length,
      connectionErrorsByCause: countBy(
        timed.filter((r) => r.status === 0),
        (r) => r.error ?? 'unknown',
      ),
      shed: timed.filter((r) => r.status === -1).length,
      latencyMs: rounded(
        summarize(timed.filter((r) => r.status === 200).map((r) => r.endMs - r.startMs)),
      ),
    },
    endToEndMs: rounded(summarize(endToEnd)),
    toEventWrittenMs: rounded(summarize(toWritten)),
    writtenToVisibleMs: rounded(summarize(writtenToVisible)),
    lifecycleBatch: batchMeans(m.service.counters ?? {}),
    ingressPublishAckMeanMs: round(m.publishAck.meanMs, 1),
    errorLogLines: m.errorLogLines,
    missingEvents: m.measured.length - endToEnd.length,
    blockedBehindUnsent: m.blocked,
    eventsRead: m.seen.eventsRead,
    substrate: substrateFigures(m.substrate),
    lifecycle: {
      peakRssBytes: m.service.peakRssBytes,
      cpuCores: round(m.service.cpuCores),
      counters: m.service.counters ?? {},
    },
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const STAGES = 'clawback_lifecycle_batch_stage_seconds';
const RECORDS = 'clawback_lifecycle_batch_records';

/** Mean ms per batch per stage (from the histograms' sums and counts) and records per batch. */
function batchMeans(counters: ServiceCounters): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stage of ['queued', 'load', 'apply', 'commit', 'cache_save']) {
    const count = counters[`${STAGES}_count{${stage}}`];
    const sum = counters[`${STAGES}_sum{${stage}}`];
    if (count && sum !== undefined) out[`${stage}Ms`] = round((sum / count) * 1000, 1);
  }
  const batches = counters[`${RECORDS}_count`];
  const records = counters[`${RECORDS}_sum`];
  if (batches && records !== undefined) {
    out.batches = batches;
    out.recordsPerBatch = round(records / batches, 1);
  }
  return out;
}

/** The terminal and docs table. */
export function endToEndTables(
  f: EndToEndFigures,
  p: { readonly ratePerSecond: number; readonly durationSeconds: number },
): BenchTable[] {
  const ms = (value: number): string => formatFixed(value, 1);
  const row = (name: string, s: EndToEndFigures['endToEndMs']): string[] => [
    name,
    formatCount(s.count),
    ms(s.p50),
    ms(s.p90),
    ms(s.p99),
    ms(s.max),
  ];
  return [
    {
      title: `end to end: ${p.ratePerSecond} notifications/s offered for ${p.durationSeconds} s (open loop)`,
      columns: ['latency', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      rows: [
        row('HTTP request start → event committed (read_committed reader)', f.endToEndMs),
        row('HTTP request start → 200 (ingress)', f.http.latencyMs),
        row('HTTP request start → event written (its record timestamp)', f.toEventWrittenMs),
        row('event written → visible to the read_committed reader', f.writtenToVisibleMs),
        row(
          'baseline: bare producer → transactional copy → read_committed reader (same load)',
          f.substrate.endToEndMs,
        ),
        row('baseline: bare producer → acknowledged', f.substrate.ackMs),
      ],
    },
    {
      title: 'end to end: where the time goes (means)',
      columns: ['figure', 'value'],
      rows: [
        [
          'ingress: record handed to the producer → acknowledged',
          `${ms(f.ingressPublishAckMeanMs)} ms`,
        ],
        [
          'batches (transactions) / records per batch',
          `${formatCount(f.lifecycleBatch.batches ?? 0)} / ${ms(f.lifecycleBatch.recordsPerBatch ?? 0)}`,
        ],
        [
          'queued: oldest record produced → batch processing starts',
          `${ms(f.lifecycleBatch.queuedMs ?? 0)} ms`,
        ],
        [
          'load: decode the records, read their snapshots (Redis)',
          `${ms(f.lifecycleBatch.loadMs ?? 0)} ms`,
        ],
        ['apply: decide, encode the outputs', `${ms(f.lifecycleBatch.applyMs ?? 0)} ms`],
        ['commit: the transaction', `${ms(f.lifecycleBatch.commitMs ?? 0)} ms`],
        [
          'cache save after commit (off the critical path)',
          `${ms(f.lifecycleBatch.cache_saveMs ?? 0)} ms`,
        ],
        [
          'transaction retries (previous markers still written)',
          formatCount(f.lifecycle.counters['clawback_lifecycle_transaction_retries_total'] ?? 0),
        ],
      ],
    },
    {
      title: 'end to end: what happened',
      columns: ['figure', 'value'],
      rows: [
        ['offered per second', formatCount(f.offered.perSecond)],
        [
          'answered 200 / other status / connection errors / shed',
          `${formatCount(f.http.ok)} / ${formatCount(f.http.non2xx)} / ${formatCount(f.http.connectionErrors)} / ${formatCount(f.http.shed)}`,
        ],
        [
          'connection errors by cause',
          Object.entries(f.http.connectionErrorsByCause)
            .map(([cause, n]) => `${cause} ${formatCount(n)}`)
            .join(', ') || 'none',
        ],
        ['expected events missing after the settle time', formatCount(f.missingEvents)],
        [
          'log lines at error level or above: ingress / lifecycle',
          `${formatCount(f.errorLogLines.ingress)} / ${formatCount(f.errorLogLines.lifecycle)}`,
        ],
        [
          'accepted but behind a shed or refused request of their order',
          formatCount(f.blockedBehindUnsent),
        ],
        ['lifecycle peak RSS', formatMiB(f.lifecycle.peakRssBytes)],
        [
          'baseline: records failed or shed / copies missing after the settle time',
          `${formatCount(f.substrate.failedOrShed)} / ${formatCount(f.substrate.missing)}`,
        ],
      ],
    },
  ];
}
