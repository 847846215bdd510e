import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BenchOutcome } from '../benchmark';
import type { MachineInfo } from './machine-info';

/** The committed results of the latest full runs; quick runs go to a git-ignored folder. */
const RESULTS_DIR = resolve(__dirname, '../../results');
const QUICK_RESULTS_DIR = join(RESULTS_DIR, 'quick');

/** One benchmark's result file: `bench/results/<name>.json`. */
export interface BenchResult extends BenchOutcome {
  readonly name: string;
  /** When the run started, ISO 8601 UTC. */
  readonly date: string;
  /** Wall time of the whole benchmark, setup included. */
  readonly durationMs: number;
  readonly quick: boolean;
  readonly machine: MachineInfo;
}

/** Writes the result as pretty JSON and returns the file's path. */
export async function writeResult(result: BenchResult): Promise<string> {
  const dir = result.quick ? QUICK_RESULTS_DIR : RESULTS_DIR;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${result.name}.json`);
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** Every result file in `dir`, by name. */
export async function readResults(dir = RESULTS_DIR): Promise<readonly BenchResult[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as BenchResult),
  );
}
