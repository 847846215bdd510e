import type { Benchmark, BenchOutcome, BenchRunOptions, JsonObject } from '../benchmark';
import { formatCount, formatFixed, formatRatio, round } from '../report/format';
import { adapterCases } from './adapter-cases';
import { interleaved, type InterleavedFigure } from '../stats/interleaved';
import { acceptLoop, bareLoop, checkCase, fullLoop, normalizeLoop } from './adapter-runs';

const ROUNDS = 5;

const figure = (f: InterleavedFigure): JsonObject => ({
  operations: f.operations,
  elapsedMs: round(f.elapsedMs),
  perSecond: round(f.perSecond, 0),
  microsecondsEach: round(f.microsecondsEach),
  roundsPerSecond: f.roundsPerSecond,
});

function measure(options: BenchRunOptions): BenchOutcome {
  const distinctBodies = options.quick ? 200 : 2000;
  const operations = options.quick ? 5000 : 50_000;
  options.log(`building ${distinctBodies} signed bodies per case`);
  const cases = adapterCases(distinctBodies);
  const figures: Record<string, JsonObject> = {};
  const rows: string[][] = [];
  for (const c of cases) {
    checkCase(c);
    fullLoop(c, Math.min(operations, 5000)); // warm-up: let the JIT settle before timing
    options.log(c.name);
    const perRound = Math.ceil(operations / ROUNDS);
    const { full, accept, normalize, bare } = interleaved(ROUNDS, {
      full: () => fullLoop(c, perRound),
      accept: () => acceptLoop(c, perRound),
      normalize: () => normalizeLoop(c, perRound),
      bare: () => bareLoop(c, perRound),
    });
    figures[c.name] = {
      provider: c.provider,
      parseVerifyNormalize: figure(full),
      acceptOnly: figure(accept),
      normalizeOnly: figure(normalize),
      baseline: { what: c.baseline, ...figure(bare) },
      ratioOverBaseline: round(full.perSecond / bare.perSecond),
    };
    rows.push([
      c.name,
      formatCount(full.perSecond),
      formatFixed(full.microsecondsEach, 1),
      formatCount(accept.perSecond),
      formatCount(normalize.perSecond),
      `${formatCount(bare.perSecond)} (${c.baseline})`,
      formatRatio(full.perSecond / bare.perSecond),
    ]);
  }
  return {
    parameters: {
      distinctBodiesPerCase: distinctBodies,
      operationsPerLoop: operations,
      rounds: ROUNDS,
      seed: 2,
    },
    figures,
    tables: [
      {
        title: 'adapters: parse + verify + normalize, one core',
        columns: [
          'case',
          'per second',
          'µs each',
          'accept/s',
          'normalize/s',
          'baseline/s (what)',
          'ratio',
        ],
        rows,
      },
    ],
  };
}

/** `npm run bench -- adapters`: provider adapters, each surface and signature scheme. */
export const adaptersBenchmark: Benchmark = {
  name: 'adapters',
  summary: 'parse + verify + normalize per second for each provider and 2Checkout signature scheme',
  needsInfrastructure: false,
  run: (options) => Promise.resolve(measure(options)),
};
