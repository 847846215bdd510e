import { parseArgs } from 'node:util';

/** What `npm run bench -- …` asks for. */
export type BenchCommand =
  | { readonly command: 'run'; readonly quick: boolean; readonly names: readonly string[] }
  | { readonly command: 'list' }
  | { readonly command: 'markdown' }
  | { readonly command: 'help' };

/** The usage text of `npm run bench`. */
export const BENCH_USAGE = `usage: npm run bench [-- [--quick] [name ...]]
       npm run bench -- --list       the benchmarks
       npm run bench -- --markdown   the latest results as Markdown (for docs/performance.md)
       npm run bench -- --help       this text
--quick shrinks counts and durations to check the code paths; its results go to
bench/results/quick/ (git-ignored), never over the committed ones.
exit status: 0 done, 1 usage error or a benchmark failed`;

/** A command line that cannot be run: the problem, to print before the usage. */
export class BenchUsageError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'BenchUsageError';
  }
}

/**
 * Parses the command line with `node:util` `parseArgs`; `known` are the benchmark names.
 *
 * @throws BenchUsageError for an unknown option or benchmark, or options that exclude each other
 */
export function parseBenchArguments(
  argv: readonly string[],
  known: readonly string[],
): BenchCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        quick: { type: 'boolean' },
        list: { type: 'boolean' },
        markdown: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new BenchUsageError((cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new BenchUsageError(`unknown benchmark: ${unknown.join(', ')}`);
  const modes = [values.list && '--list', values.markdown && '--markdown'].filter(Boolean);
  if (modes.length > 1 || (modes.length === 1 && (positionals.length > 0 || values.quick))) {
    throw new BenchUsageError(`${modes[0]} takes no benchmark names and no other option`);
  }
  if (values.list) return { command: 'list' };
  if (values.markdown) return { command: 'markdown' };
  return { command: 'run', quick: values.quick === true, names: positionals };
}
