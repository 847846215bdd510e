import type { ProcessLoad } from '../pipeline/process-load';
import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatRatio, round } from '../report/format';
import type { LatencySummary } from '../stats/percentiles';
import type { BareProducerFigures } from './bare-producer';
import type { LoadResult } from './load-request';

/** Everything the ingress benchmark measured. */
export interface IngressMeasurements {
  readonly load: LoadResult;
  readonly processLoad: ProcessLoad | undefined;
  /** Records that landed on the raw topic during the ingress run (warm-up included). */
  readonly written: number;
  readonly before: BareProducerFigures;
  readonly after: BareProducerFigures;
  readonly ceiling: BareProducerFigures;
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
}

/** The JSON figures of the ingress benchmark. */
export interface IngressFigures {
  readonly ingress: {
    readonly acceptedPerSecond: number;
    readonly durationSeconds: number;
    readonly requests: number;
    readonly accepted: number;
    readonly non2xx: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly statusCodes: Readonly<Record<string, number>>;
    readonly latencyMs: LoadResult['latencyMs'];
    /** Must equal `acceptedIncludingWarmUp`: a 200 means the record is on the topic. */
    readonly recordsWrittenToRawTopic: number;
    readonly acceptedIncludingWarmUp: number;
    readonly eventLoopUtilization: number | null;
    readonly cpuCores: number | null;
    readonly poolBuildMs: number;
  };
  readonly baseline: {
    readonly what: string;
    readonly recordsPerSecond: number;
    readonly before: ProducerFigures;
    readonly after: ProducerFigures;
  };
  readonly ceiling: ProducerFigures & { readonly what: string };
  readonly ratio: { readonly ingressOverBaseline: number; readonly ingressOverCeiling: number };
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
});

/** Accepted per second, latency, errors, the baselines (before and after) and the ratios. */
export function ingressFigures(m: IngressMeasurements): IngressFigures {
  const accepted = m.load.ok / m.load.durationSeconds;
  const baseline = (m.before.recordsPerSecond + m.after.recordsPerSecond) / 2;
  return {
    ingress: {
      acceptedPerSecond: round(accepted, 0),
      durationSeconds: m.load.durationSeconds,
      requests: m.load.requests,
      accepted: m.load.ok,
      non2xx: m.load.non2xx,
      errors: m.load.errors,
      timeouts: m.load.timeouts,
      statusCodes: m.load.statusCodes,
      latencyMs: m.load.latencyMs,
      recordsWrittenToRawTopic: m.written,
      acceptedIncludingWarmUp: m.load.warmUpOk + m.load.ok,
      eventLoopUtilization: m.processLoad ? round(m.processLoad.eventLoopUtilization) : null,
      cpuCores: m.processLoad ? round(m.processLoad.cpuCores) : null,
      poolBuildMs: round(m.load.poolBuildMs, 0),
    },
    baseline: {
      what: 'bare kafkajs producer: idempotent, maxInFlightRequests 1, acks -1, pre-encoded records; mean of a run before and one after the ingress',
      recordsPerSecond: round(baseline, 0),
      before: producer(m.before),
      after: producer(m.after),
    },
    ceiling: {
      what: 'the same bare producer with batches of 200 (the ingress batch cap)',
      ...producer(m.ceiling),
    },
    ratio: {
      ingressOverBaseline: round(accepted / baseline),
      ingressOverCeiling: round(accepted / m.ceiling.recordsPerSecond),
    },
  };
}

const ms = (value: number): string => formatFixed(value, 1);

/** The terminal and docs tables. */
export function ingressTables(f: IngressFigures, connections: number): BenchTable[] {
  const row = (
    name: string,
    perSecond: number,
    l: Latency,
    errors: number,
    ratio: number,
  ): string[] => [
    name,
    formatCount(perSecond),
    ms(l.p50),
    ms(l.p99),
    ms(l.max),
    formatCount(errors),
    formatRatio(ratio),
  ];
  const base = f.baseline.recordsPerSecond;
  return [
    {
      title: `ingress: records acknowledged by Kafka per second (${connections} concurrent)`,
      columns: ['run', 'per second', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'ratio'],
      rows: [
        row(
          'ingress over HTTP (autocannon in another process)',
          f.ingress.acceptedPerSecond,
          f.ingress.latencyMs,
          f.ingress.non2xx + f.ingress.errors,
          f.ratio.ingressOverBaseline,
        ),
        row(
          `baseline: bare producer, batches of ${connections} (ack latency)`,
          base,
          f.baseline.before.ackLatencyMs,
          0,
          1,
        ),
        row(
          'ceiling: bare producer, batches of 200',
          f.ceiling.recordsPerSecond,
          f.ceiling.ackLatencyMs,
          0,
          f.ceiling.recordsPerSecond / base,
        ),
      ],
    },
    {
      title: 'ingress: while measured',
      columns: ['figure', 'value'],
      rows: [
        [
          'event-loop utilization of the ingress process',
          f.ingress.eventLoopUtilization === null
            ? 'n/a'
            : formatFixed(f.ingress.eventLoopUtilization, 2),
        ],
        [
          'CPU cores used by the ingress process',
          f.ingress.cpuCores === null ? 'n/a' : formatFixed(f.ingress.cpuCores, 2),
        ],
        [
          '200s (warm-up included) / records written',
          `${formatCount(f.ingress.acceptedIncludingWarmUp)} / ${formatCount(f.ingress.recordsWrittenToRawTopic)}`,
        ],
      ],
    },
  ];
}
