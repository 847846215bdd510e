import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatRatio, round } from '../report/format';
import type { LatencySummary } from '../stats/percentiles';
import type { BareProducerFigures } from './bare-producer';
import {
  httpCeilingFigures,
  httpCeilingRows,
  httpCeilingTable,
  type HttpCeilingFigures,
} from './http-ceiling-report';
import type { HttpCeilingRun } from './http-ceilings';
import type { MeasuredRound } from './load-round';

/** One load round against the cluster, between two baseline runs. */
export interface IngressRound extends MeasuredRound {
  readonly baselineBefore: BareProducerFigures;
  readonly baselineAfter: BareProducerFigures;
}

/** Everything the ingress benchmark measured. */
export interface IngressMeasurements {
  readonly workers: number;
  readonly rounds: readonly IngressRound[];
  readonly ceiling: BareProducerFigures;
  /** The same load against bare node:http clusters (see `http-ceilings.ts`). */
  readonly httpCeilings: readonly HttpCeilingRun[];
  /** How the cluster's primary exited on SIGTERM (0: every worker closed gracefully). */
  readonly shutdownExit: number | NodeJS.Signals | null;
}

interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

interface ProducerFigures {
  readonly records: number;
  readonly produceRequests: number;
  readonly elapsedMs: number;
  readonly recordsPerSecond: number;
  readonly ackLatencyMs: Latency;
  readonly cpuCores: number;
  readonly recordsPerCpuSecond: number;
}

interface RoundFigures {
  readonly acceptedPerSecond: number;
  /** Mean of the bare producer's runs just before and just after the round. */
  readonly baselinePerSecond: number;
  readonly ratio: number;
  readonly durationSeconds: number;
  readonly accepted: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly latencyMs: Latency & { readonly p90: number; readonly mean: number };
  /** Must equal `recordsWrittenToRawTopic`: a 200 means the record is on the topic. */
  readonly acceptedWholeRound: number;
  readonly recordsWrittenToRawTopic: number;
  readonly cpuCores: {
    readonly primary: number;
    readonly workers: readonly number[];
    readonly ingressTotal: number;
    readonly loadGenerator: number;
  } | null;
  readonly loadAverage1m: number;
  readonly poolBuildMs: number;
  /** Accepted per CPU-second of the whole cluster ÷ the bare producer's records per CPU-second. */
  readonly perCpuSecond: {
    readonly ingress: number;
    readonly baseline: number;
    readonly ratio: number;
  } | null;
}

/** The JSON figures of the ingress benchmark. */
export interface IngressFigures {
  readonly workers: number;
  /** Medians over the rounds: robust to a round another tenant of the machine slowed down. */
  readonly median: {
    readonly acceptedPerSecond: number;
    readonly baselinePerSecond: number;
    readonly ratio: number;
    readonly ingressCpuCores: number | null;
    /** Accepted per CPU-second ÷ the bare producer's records per CPU-second. */
    readonly perCpuSecondRatio: number | null;
  };
  readonly rounds: readonly RoundFigures[];
  readonly baselineRuns: {
    readonly what: string;
    readonly runs: readonly ProducerFigures[];
  };
  readonly ceiling: ProducerFigures & { readonly what: string };
  /** Bare node HTTP, then with a bare producer, then with the ingress's producer. */
  readonly httpCeilings: readonly HttpCeilingFigures[];
  readonly ratio: { readonly ingressOverBaseline: number; readonly ingressOverCeiling: number };
  readonly shutdownExitCode: number | string | null;
}

const latency = (s: LatencySummary): Latency => ({
  p50: round(s.p50),
  p99: round(s.p99),
  max: round(s.max),
});

const producer = (f: BareProducerFigures): ProducerFigures => ({
  records: f.records,
  produceRequests: f.requests,
  elapsedMs: round(f.elapsedMs),
  recordsPerSecond: round(f.recordsPerSecond, 0),
  ackLatencyMs: latency(f.ackLatencyMs),
  cpuCores: round(f.cpuCores),
  recordsPerCpuSecond: round(f.recordsPerSecond / f.cpuCores, 0),
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function perCpuSecond(ingress: number, r: IngressRound): RoundFigures['perCpuSecond'] {
  const cpu = (r.baselineBefore.cpuCores + r.baselineAfter.cpuCores) / 2;
  const records = (r.baselineBefore.records + r.baselineAfter.records) / 2;
  const seconds = (r.baselineBefore.elapsedMs + r.baselineAfter.elapsedMs) / 2000;
  const baseline = records / seconds / cpu;
  return {
    ingress: round(ingress, 0),
    baseline: round(baseline, 0),
    ratio: round(ingress / baseline),
  };
}

function roundFigures(r: IngressRound): RoundFigures {
  const accepted = r.load.ok / r.load.durationSeconds;
  const baseline = (r.baselineBefore.recordsPerSecond + r.baselineAfter.recordsPerSecond) / 2;
  const l = r.load.latencyMs;
  return {
    acceptedPerSecond: round(accepted, 0),
    baselinePerSecond: round(baseline, 0),
    ratio: round(accepted / baseline),
    durationSeconds: round(r.load.durationSeconds),
    accepted: r.load.ok,
    non2xx: r.load.non2xx,
    errors: r.load.errors,
    timeouts: r.load.timeouts,
    statusCodes: r.load.statusCodes,
    latencyMs: {
      p50: round(l.p50),
      p90: round(l.p90),
      p99: round(l.p99),
      max: round(l.max),
      mean: round(l.mean),
    },
    acceptedWholeRound: r.load.okAll,
    recordsWrittenToRawTopic: r.written,
    cpuCores: r.cpu && {
      primary: round(r.cpu.rootCores),
      workers: r.cpu.childCores.map((c) => round(c)),
      ingressTotal: round(r.cpu.totalCores),
      loadGenerator: round(r.load.cpuCores),
    },
    loadAverage1m: r.loadAverage1m,
    poolBuildMs: round(r.load.poolBuildMs, 0),
    perCpuSecond: r.cpu && perCpuSecond(accepted / r.cpu.totalCores, r),
  };
}

/** Per-round and median throughput, latency, CPU per process, the baselines and the ratios. */
export function ingressFigures(m: IngressMeasurements): IngressFigures {
  const rounds = m.rounds.map(roundFigures);
  const accepted = median(rounds.map((r) => r.acceptedPerSecond));
  const cpu = rounds.map((r) => r.cpuCores?.ingressTotal);
  const baselineRuns = [m.rounds[0]!.baselineBefore, ...m.rounds.map((r) => r.baselineAfter)];
  return {
    workers: m.workers,
    median: {
      acceptedPerSecond: accepted,
      baselinePerSecond: median(rounds.map((r) => r.baselinePerSecond)),
      ratio: median(rounds.map((r) => r.ratio)),
      ingressCpuCores: cpu.some((c) => c === undefined) ? null : median(cpu as number[]),
      perCpuSecondRatio: rounds.every((r) => r.perCpuSecond)
        ? median(rounds.map((r) => r.perCpuSecond!.ratio))
        : null,
    },
    rounds,
    baselineRuns: {
      what: 'bare kafkajs producer: idempotent, maxInFlightRequests 1, acks -1, pre-encoded records; one run before the first round and one after each',
      runs: baselineRuns.map(producer),
    },
    ceiling: {
      what: 'the same bare producer with batches of 200 (the ingress batch cap)',
      ...producer(m.ceiling),
    },
    httpCeilings: m.httpCeilings.map(httpCeilingFigures),
    ratio: {
      ingressOverBaseline: median(rounds.map((r) => r.ratio)),
      ingressOverCeiling: round(accepted / m.ceiling.recordsPerSecond),
    },
    shutdownExitCode: m.shutdownExit,
  };
}

const ms = (value: number): string => formatFixed(value, 1);
const cores = (value: number): string => formatFixed(value, 2);

/** The terminal and docs tables. */
export function ingressTables(f: IngressFigures, connections: number): BenchTable[] {
  const base = f.median.baselinePerSecond;
  const middle = [...f.rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(f.rounds.length / 2)]!;
  const firstBaseline = f.baselineRuns.runs[0]!;
  return [
    {
      title: `ingress: records acknowledged by Kafka per second (${f.workers} workers, ${connections} connections; median of ${f.rounds.length} rounds)`,
      columns: ['run', 'per second', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'ratio'],
      rows: [
        [
          `ingress cluster over HTTP (median round)`,
          formatCount(f.median.acceptedPerSecond),
          ms(middle.latencyMs.p50),
          ms(middle.latencyMs.p99),
          ms(middle.latencyMs.max),
          formatCount(f.rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0)),
          formatRatio(f.median.ratio),
        ],
        [
          `baseline: bare producer, batches of ${connections} (ack latency)`,
          formatCount(base),
          ms(firstBaseline.ackLatencyMs.p50),
          ms(firstBaseline.ackLatencyMs.p99),
          ms(firstBaseline.ackLatencyMs.max),
          '0',
          formatRatio(1),
        ],
        [
          'ceiling: bare producer, batches of 200',
          formatCount(f.ceiling.recordsPerSecond),
          ms(f.ceiling.ackLatencyMs.p50),
          ms(f.ceiling.ackLatencyMs.p99),
          ms(f.ceiling.ackLatencyMs.max),
          '0',
          formatRatio(f.ceiling.recordsPerSecond / base),
        ],
        ...httpCeilingRows(f.httpCeilings, base),
      ],
    },
    httpCeilingTable(f.httpCeilings, {
      perSecond: f.median.acceptedPerSecond,
      perCpuSecond: middle.perCpuSecond?.ingress ?? null,
    }),
    {
      title: 'ingress: each round (CPU cores used in the timed window, from /proc)',
      columns: [
        'round',
        'ingress/s',
        'baseline/s',
        'ratio',
        'workers CPU',
        'primary CPU',
        'load generator CPU',
        'per CPU-second: ingress / baseline (ratio)',
        'load 1m',
        '200s / records written',
      ],
      rows: f.rounds.map((r, i) => [
        String(i + 1),
        formatCount(r.acceptedPerSecond),
        formatCount(r.baselinePerSecond),
        formatRatio(r.ratio),
        r.cpuCores ? r.cpuCores.workers.map(cores).join(' + ') : 'n/a',
        r.cpuCores ? cores(r.cpuCores.primary) : 'n/a',
        r.cpuCores ? cores(r.cpuCores.loadGenerator) : 'n/a',
        r.perCpuSecond
          ? `${formatCount(r.perCpuSecond.ingress)} / ${formatCount(r.perCpuSecond.baseline)} (${formatRatio(r.perCpuSecond.ratio)})`
          : 'n/a',
        formatFixed(r.loadAverage1m, 2),
        `${formatCount(r.acceptedWholeRound)} / ${formatCount(r.recordsWrittenToRawTopic)}`,
      ]),
    },
    {
      title: 'ingress: shutdown',
      columns: ['figure', 'value'],
      rows: [
        [
          'exit code of the primary after SIGTERM (0: every worker closed gracefully)',
          String(f.shutdownExitCode),
        ],
      ],
    },
  ];
}
