import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatRatio, round } from '../report/format';
import type { BareHttpMode } from './bare-http-server';
import type { HttpCeilingRun } from './http-ceilings';

/** What each mode is, in the tables and the JSON. */
const WHAT: Readonly<Record<BareHttpMode, string>> = {
  respond: 'ceiling: bare node HTTP (read the body, answer 200)',
  produce: 'ceiling: bare HTTP + bare producer (body produced raw, 200 after the ack)',
  'produce-ingress-producer': "bare HTTP + the ingress's producer (createIdempotentProducer)",
};

/** The JSON figures of one HTTP ceiling row. */
export interface HttpCeilingFigures {
  readonly mode: BareHttpMode;
  readonly what: string;
  readonly perSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Non-200 answers, connection errors and timeouts. */
  readonly errors: number;
  readonly acceptedWholeRound: number;
  readonly recordsWritten: number;
  readonly workersCpuCores: readonly number[] | null;
  /** The load generator's own CPU (one thread): near 1, it and not the server is the limit. */
  readonly loadGeneratorCpuCores: number;
  /** 200s per CPU-second of the whole cluster (primary and workers). */
  readonly perCpuSecond: number | null;
  /** Microseconds of cluster CPU per 200. */
  readonly cpuMicrosecondsPerRequest: number | null;
  readonly loadAverage1m: number;
  readonly shutdownExitCode: number | string | null;
}

/** Figures of one ceiling run. */
export function httpCeilingFigures(run: HttpCeilingRun): HttpCeilingFigures {
  const perSecond = run.load.ok / run.load.durationSeconds;
  const cores = run.cpu?.totalCores;
  const l = run.load.latencyMs;
  return {
    mode: run.mode,
    what: WHAT[run.mode],
    perSecond: round(perSecond, 0),
    latencyMs: { p50: round(l.p50), p99: round(l.p99), max: round(l.max) },
    errors: run.load.non2xx + run.load.errors + run.load.timeouts,
    acceptedWholeRound: run.load.okAll,
    recordsWritten: run.written,
    workersCpuCores: run.cpu ? run.cpu.childCores.map((c) => round(c)) : null,
    loadGeneratorCpuCores: round(run.load.cpuCores),
    perCpuSecond: cores ? round(perSecond / cores, 0) : null,
    cpuMicrosecondsPerRequest: cores ? round((cores / perSecond) * 1e6, 0) : null,
    loadAverage1m: run.loadAverage1m,
    shutdownExitCode: run.shutdownExit,
  };
}

/** Rows for the main table, in its columns; `ratio` is against the bare producer baseline. */
export function httpCeilingRows(ceilings: readonly HttpCeilingFigures[], baseline: number) {
  return ceilings.map((c) => [
    c.what,
    formatCount(c.perSecond),
    formatFixed(c.latencyMs.p50, 1),
    formatFixed(c.latencyMs.p99, 1),
    formatFixed(c.latencyMs.max, 1),
    formatCount(c.errors),
    formatRatio(c.perSecond / baseline),
  ]);
}

/** The ingress (median round) beside each ceiling: throughput and CPU per request. */
export function httpCeilingTable(
  ceilings: readonly HttpCeilingFigures[],
  ingress: { readonly perSecond: number; readonly perCpuSecond: number | null },
): BenchTable {
  const micro = (perCpuSecond: number | null): string =>
    perCpuSecond ? formatCount(1e6 / perCpuSecond) : 'n/a';
  return {
    title: 'ingress against the HTTP ceilings (same load generator, request bytes and workers)',
    columns: [
      'run',
      'per second',
      'ingress ÷ this',
      'workers CPU',
      'load generator CPU',
      'per CPU-second',
      'CPU µs per request',
      'ingress ÷ this, per CPU-second',
      '200s / records written',
      'load 1m',
    ],
    rows: ceilings.map((c) => [
      c.what,
      formatCount(c.perSecond),
      formatRatio(ingress.perSecond / c.perSecond),
      c.workersCpuCores ? c.workersCpuCores.map((x) => formatFixed(x, 2)).join(' + ') : 'n/a',
      formatFixed(c.loadGeneratorCpuCores, 2),
      c.perCpuSecond ? formatCount(c.perCpuSecond) : 'n/a',
      micro(c.perCpuSecond),
      c.perCpuSecond && ingress.perCpuSecond
        ? formatRatio(ingress.perCpuSecond / c.perCpuSecond)
        : 'n/a',
      c.mode === 'respond'
        ? `${formatCount(c.acceptedWholeRound)} / —`
        : `${formatCount(c.acceptedWholeRound)} / ${formatCount(c.recordsWritten)}`,
      formatFixed(c.loadAverage1m, 2),
    ]),
  };
}
