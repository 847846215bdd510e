import { adaptersBenchmark } from './adapters/adapters-bench';
import type { Benchmark } from './benchmark';
import { downstreamBenchmark } from './downstream/downstream-bench';
import { endToEndBenchmark } from './end-to-end/end-to-end-bench';
import { ingressBenchmark } from './ingress/ingress-bench';
import { lifecycleBenchmark } from './lifecycle/lifecycle-bench';
import { machineBenchmark } from './machine/machine-bench';
import { replayBenchmark } from './replay/replay-bench';

/** Every benchmark, in the order `npm run bench` runs them. */
export const BENCHMARKS: readonly Benchmark[] = [
  machineBenchmark,
  adaptersBenchmark,
  ingressBenchmark,
  lifecycleBenchmark,
  downstreamBenchmark,
  endToEndBenchmark,
  replayBenchmark,
];
