import type { DecideOptions, OrderInput } from '@clawback/order-machine';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { formatCount, formatFixed, formatMiB, formatRatio, round } from '../report/format';
import { liveHeapBytes } from '../stats/heap';
import { medianAndRange } from '../stats/interleaved';
import { perSecond } from '../stats/stopwatch';
import { bareLoop, type BareEvent } from './bare-xstate';
import { decideLoop } from './decide-loop';
import { machineInputs } from './machine-inputs';

const DECIDE: DecideOptions = { orphanHorizonMs: 7 * 24 * 60 * 60 * 1000 };

/** Notifications per chunk: whole windows of orders, so no order straddles two chunks. */
const CHUNK = 100_000;

function bareEvents(inputs: readonly OrderInput[]): BareEvent[] {
  return inputs.map((input) =>
    input.type === 'notification'
      ? { orderKey: input.notification.orderKey, event: { type: input.notification.kind } }
      : { orderKey: '', event: { type: 'watermark' } },
  );
}

/** Runs both loops on other data first, so the timed runs start with optimised code. */
function warmUp(orders: number, arrivalsPerOrder: number): void {
  const inputs = machineInputs({ orders, arrivalsPerOrder, seed: 1006 }).inputs;
  decideLoop(DECIDE).run(inputs);
  bareLoop().run(bareEvents(inputs));
}

function measure(options: BenchRunOptions): BenchOutcome {
  const orders = options.quick ? 10_000 : 100_000;
  const arrivalsPerOrder = 10;
  const parameters = {
    orders,
    arrivalsPerOrder,
    seed: 6,
    window: 1000,
    chunk: CHUNK,
    orphanHorizonMs: DECIDE.orphanHorizonMs,
  };
  options.log(`building ${formatCount(orders * arrivalsPerOrder)} notifications`);
  const built = machineInputs({ orders, arrivalsPerOrder, seed: parameters.seed });
  const bareInputs = bareEvents(built.inputs);
  warmUp(Math.min(orders, 10_000), arrivalsPerOrder);

  // Alternating chunks, and which loop goes first within a pair: a burst of load from other
  // processes (or a collection the previous loop left behind) falls on both loops alike.
  options.log('deciding, alternating with bare xstate transitions chunk by chunk');
  const ours = decideLoop(DECIDE);
  const bare = bareLoop();
  let oursMs = 0;
  let bareMs = 0;
  const chunkRatios: number[] = [];
  for (let start = 0, chunk = 0; start < built.inputs.length; start += CHUNK, chunk++) {
    const runOurs = () => ours.run(built.inputs.slice(start, start + CHUNK));
    const runBare = () => bare.run(bareInputs.slice(start, start + CHUNK));
    let o: number;
    let b: number;
    if (chunk % 2 === 0) {
      o = runOurs();
      b = runBare();
    } else {
      b = runBare();
      o = runOurs();
    }
    oursMs += o;
    bareMs += b;
    chunkRatios.push(b / o);
  }
  const chunkRatio = medianAndRange(chunkRatios);
  const heapAfter = liveHeapBytes();
  const orderCount = ours.orders;
  ours.release();
  const stateHeap = heapAfter - liveHeapBytes();
  const bareCount = bareInputs.length;

  const n = built.inputs.length;
  const oursRate = perSecond(n, oursMs);
  const bareRate = perSecond(bareCount, bareMs);
  const figures = {
    notifications: n,
    orders: built.orders,
    retries: built.retries,
    storyMix: built.storyMix,
    notificationKinds: built.kindMix,
    decide: {
      elapsedMs: round(oursMs),
      transitionsPerSecond: round(oursRate, 0),
      microsecondsPerNotification: round((oursMs * 1000) / n),
      eventsEmitted: ours.events,
      eventsByType: ours.eventsByType,
    },
    heap: {
      heapUsedBytes: heapAfter,
      stateHeapBytes: stateHeap,
      bytesPerOrder: round(stateHeap / orderCount, 0),
    },
    baseline: {
      what: 'xstate transition() on a one-state counting machine, snapshots per order',
      elapsedMs: round(bareMs),
      transitionsPerSecond: round(bareRate, 0),
      microsecondsPerTransition: round((bareMs * 1000) / bareCount),
    },
    ratio: {
      decideOverBaseline: round(oursRate / bareRate),
      /** Per chunk (bare ms ÷ decide ms): the median is the figure least moved by a burst. */
      chunks: {
        median: round(chunkRatio.median),
        min: round(chunkRatio.min),
        max: round(chunkRatio.max),
        each: chunkRatios.map((r) => round(r)),
      },
    },
  };
  return {
    parameters,
    figures,
    tables: [
      {
        title: `machine: ${formatCount(n)} notifications over ${formatCount(built.orders)} orders`,
        columns: ['run', 'per second', 'µs each', 'ratio'],
        rows: [
          [
            'decide() (order machine)',
            formatCount(oursRate),
            formatFixed((oursMs * 1000) / n, 2),
            formatRatio(oursRate / bareRate),
          ],
          [
            'baseline: bare xstate transition',
            formatCount(bareRate),
            formatFixed((bareMs * 1000) / bareCount, 2),
            '1.00×',
          ],
          [
            `ratio per chunk of ${formatCount(CHUNK)}: median (min–max of ${chunkRatios.length})`,
            '',
            '',
            `${formatRatio(chunkRatio.median)} (${formatRatio(chunkRatio.min)}–${formatRatio(chunkRatio.max)})`,
          ],
        ],
      },
      {
        title: 'machine: memory after building state',
        columns: ['figure', 'value'],
        rows: [
          ['heap used (all)', formatMiB(heapAfter)],
          [`state of ${formatCount(orderCount)} orders`, formatMiB(stateHeap)],
          ['bytes per order', formatCount(stateHeap / orderCount)],
          ['events emitted', formatCount(ours.events)],
          ['retries (duplicates) among inputs', formatCount(built.retries)],
        ],
      },
    ],
  };
}

/** `npm run bench -- machine`: pure decide() throughput and state memory. */
export const machineBenchmark: Benchmark = {
  name: 'machine',
  summary: 'pure order-machine transitions per second over 1,000,000 synthetic notifications',
  needsInfrastructure: false,
  run: (options) => Promise.resolve(measure(options)),
};
