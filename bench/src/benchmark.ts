import type { BenchTable } from './report/bench-table';

/** A JSON value, as figures and parameters are written to `bench/results/<name>.json`. */
type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object: the shape of a benchmark's parameters and figures. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** What a benchmark run measured. */
export interface BenchOutcome {
  /** The settings the run used (counts, durations, seeds, topic layout). */
  readonly parameters: JsonObject;
  /**
   * Every measured figure, nested by what it measures; units are in the key names. Plain
   * JSON data (numbers, strings, arrays, objects), written as is.
   */
  readonly figures: object;
  /** Readable tables for the terminal and docs/performance.md. */
  readonly tables: readonly BenchTable[];
  /** Observations worth keeping with the figures (what limited the run, caveats). */
  readonly notes?: readonly string[];
}

/** How a benchmark is run: `quick` shrinks counts and durations to check the code paths. */
export interface BenchRunOptions {
  readonly quick: boolean;
  /** Progress lines for the terminal (never part of the result). */
  readonly log: (line: string) => void;
}

/** One benchmark of the suite: `npm run bench -- <name>`. */
export interface Benchmark {
  readonly name: string;
  /** One line for `npm run bench -- --list`. */
  readonly summary: string;
  /** True when it needs Kafka, the registry or Redis (`npm run infra:up`). */
  readonly needsInfrastructure: boolean;
  run(options: BenchRunOptions): Promise<BenchOutcome>;
}
