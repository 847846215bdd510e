import {
  decide,
  type DecideOptions,
  type OrderInput,
  type OrderState,
} from '@clawback/order-machine';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { formatCount, formatFixed, formatMiB, formatRatio, round } from '../report/format';
import { liveHeapBytes } from '../stats/heap';
import { nowMs, perSecond } from '../stats/stopwatch';
import { runBare } from './bare-xstate';
import { machineInputs } from './machine-inputs';

const DECIDE: DecideOptions = { orphanHorizonMs: 7 * 24 * 60 * 60 * 1000 };

interface DecideRun {
  readonly ms: number;
  readonly events: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  readonly orders: number;
  /** Live heap while every order's latest state is still held (after a full collection). */
  readonly heapWithStatesBytes: number;
}

/** Decides every input in log order, keeping each order's latest state as the consumer does. */
function runDecide(inputs: readonly OrderInput[]): DecideRun {
  const states = new Map<string, OrderState>();
  const eventsByType: Record<string, number> = {};
  let events = 0;
  const start = nowMs();
  for (const input of inputs) {
    if (input.type !== 'notification') continue;
    const key = input.notification.orderKey;
    const decision = decide(states.get(key), input, DECIDE);
    states.set(key, decision.state);
    events += decision.events.length;
    for (const event of decision.events)
      eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
  }
  const ms = nowMs() - start;
  // Measured here, while `states` is alive; the caller measures again once it is garbage.
  return { ms, events, eventsByType, orders: states.size, heapWithStatesBytes: liveHeapBytes() };
}

function bareEvents(inputs: readonly OrderInput[]) {
  return inputs.map((input) =>
    input.type === 'notification'
      ? { orderKey: input.notification.orderKey, event: { type: input.notification.kind } }
      : { orderKey: '', event: { type: 'watermark' } },
  );
}

/** Runs both loops on other data first, so the timed runs start with optimised code. */
function warmUp(orders: number, arrivalsPerOrder: number): void {
  const inputs = machineInputs({ orders, arrivalsPerOrder, seed: 1006 }).inputs;
  runDecide(inputs);
  runBare(bareEvents(inputs));
}

function measure(options: BenchRunOptions): BenchOutcome {
  const orders = options.quick ? 10_000 : 100_000;
  const arrivalsPerOrder = 10;
  const parameters = {
    orders,
    arrivalsPerOrder,
    seed: 6,
    window: 1000,
    orphanHorizonMs: DECIDE.orphanHorizonMs,
  };
  options.log(`building ${formatCount(orders * arrivalsPerOrder)} notifications`);
  const built = machineInputs({ orders, arrivalsPerOrder, seed: parameters.seed });
  const bare = bareEvents(built.inputs);
  warmUp(Math.min(orders, 10_000), arrivalsPerOrder);

  options.log('deciding');
  const ours = runDecide(built.inputs);
  const heapAfter = ours.heapWithStatesBytes;
  const stateHeap = heapAfter - liveHeapBytes();
  options.log('baseline: bare xstate transitions');
  const bareStart = nowMs();
  const bareCount = runBare(bare);
  const bareMs = nowMs() - bareStart;

  const n = built.inputs.length;
  const oursRate = perSecond(n, ours.ms);
  const bareRate = perSecond(bareCount, bareMs);
  const figures = {
    notifications: n,
    orders: built.orders,
    retries: built.retries,
    storyMix: built.storyMix,
    notificationKinds: built.kindMix,
    decide: {
      elapsedMs: round(ours.ms),
      transitionsPerSecond: round(oursRate, 0),
      microsecondsPerNotification: round((ours.ms * 1000) / n),
      eventsEmitted: ours.events,
      eventsByType: ours.eventsByType,
    },
    heap: {
      heapUsedBytes: heapAfter,
      stateHeapBytes: stateHeap,
      bytesPerOrder: round(stateHeap / ours.orders, 0),
    },
    baseline: {
      what: 'xstate transition() on a one-state counting machine, snapshots per order',
      elapsedMs: round(bareMs),
      transitionsPerSecond: round(bareRate, 0),
      microsecondsPerTransition: round((bareMs * 1000) / bareCount),
    },
    ratio: { decideOverBaseline: round(oursRate / bareRate) },
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
            formatFixed((ours.ms * 1000) / n, 2),
            formatRatio(oursRate / bareRate),
          ],
          [
            'baseline: bare xstate transition',
            formatCount(bareRate),
            formatFixed((bareMs * 1000) / bareCount, 2),
            '1.00×',
          ],
        ],
      },
      {
        title: 'machine: memory after building state',
        columns: ['figure', 'value'],
        rows: [
          ['heap used (all)', formatMiB(heapAfter)],
          [`state of ${formatCount(ours.orders)} orders`, formatMiB(stateHeap)],
          ['bytes per order', formatCount(stateHeap / ours.orders)],
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
