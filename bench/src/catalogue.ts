import { adaptersBenchmark } from './adapters/adapters-bench';
import type { Benchmark } from './benchmark';
import { machineBenchmark } from './machine/machine-bench';

/** Every benchmark, in the order `npm run bench` runs them. */
export const BENCHMARKS: readonly Benchmark[] = [machineBenchmark, adaptersBenchmark];
