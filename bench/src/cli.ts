import { relative } from 'node:path';
import type { Benchmark } from './benchmark';
import { BENCHMARKS } from './catalogue';
import {
  BENCH_USAGE,
  BenchUsageError,
  parseBenchArguments,
  type BenchCommand,
} from './cli/bench-arguments';
import { renderMarkdown, renderText } from './report/bench-table';
import { machineInfo } from './report/machine-info';
import { readResults, writeResult, type BenchResult } from './report/result-file';

function log(line: string): void {
  process.stderr.write(`  · ${line}\n`);
}

async function runOne(benchmark: Benchmark, quick: boolean): Promise<BenchResult> {
  const machine = machineInfo();
  const date = new Date().toISOString();
  const started = Date.now();
  process.stderr.write(`\n▶ ${benchmark.name}${quick ? ' (quick)' : ''}: ${benchmark.summary}\n`);
  const outcome = await benchmark.run({ quick, log });
  const result: BenchResult = {
    name: benchmark.name,
    date,
    durationMs: Date.now() - started,
    quick,
    machine,
    ...outcome,
  };
  const path = await writeResult(result);
  process.stdout.write(`\n${outcome.tables.map(renderText).join('\n\n')}\n`);
  for (const note of outcome.notes ?? []) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(`→ ${relative(process.cwd(), path)}\n`);
  return result;
}

async function printMarkdown(): Promise<void> {
  const byName = new Map((await readResults()).map((result) => [result.name, result]));
  for (const benchmark of BENCHMARKS) {
    const result = byName.get(benchmark.name);
    if (!result) continue;
    const { cores, cpuModel, node, kafka, loadAverage1m } = result.machine;
    process.stdout.write(`### ${result.name}\n\n`);
    process.stdout.write(
      `${result.date.slice(0, 16).replace('T', ' ')} UTC · ${cores} cores (${cpuModel}) · ` +
        `Node ${node} · Kafka ${kafka} · load ${loadAverage1m} at start\n\n`,
    );
    process.stdout.write(`${result.tables.map(renderMarkdown).join('\n\n')}\n\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let command: BenchCommand;
  try {
    command = parseBenchArguments(
      argv,
      BENCHMARKS.map((b) => b.name),
    );
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${BENCH_USAGE}\n`);
    return 1;
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(`${BENCH_USAGE}\n`);
      return 0;
    case 'list':
      for (const b of BENCHMARKS) process.stdout.write(`${b.name.padEnd(12)} ${b.summary}\n`);
      return 0;
    case 'markdown':
      await printMarkdown();
      return 0;
    case 'run': {
      const { names, quick } = command;
      const chosen =
        names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));
      for (const benchmark of chosen) await runOne(benchmark, quick);
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
