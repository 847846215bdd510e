import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) this summary reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self and inclusive time of one function (by name and place), in microseconds. */
interface FunctionTime {
  readonly name: string;
  readonly selfUs: number;
  readonly totalUs: number;
}

/**
 * Self and inclusive time per function of a profile. Inclusive time counts a function once
 * per sample even when it is on the stack several times (recursion), so it never exceeds the
 * profile's duration.
 */
function summarizeProfile(profile: CpuProfile): {
  readonly totalUs: number;
  readonly functions: readonly FunctionTime[];
} {
  const parent = new Map<number, number>();
  const label = new Map<number, string>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url === '' ? '' : ` ${shortUrl(url)}:${lineNumber + 1}`;
    label.set(node.id, `${functionName || '(anonymous)'}${file}`);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    totalUs += delta;
    const leaf = label.get(sample)!;
    self.set(leaf, (self.get(leaf) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = label.get(id)!;
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + delta);
    }
  });
  const functions = [...total].map(([name, totalTime]) => ({
    name,
    selfUs: self.get(name) ?? 0,
    totalUs: totalTime,
  }));
  return { totalUs, functions };
}

// Paths inside node_modules or the repository, without what every path shares.
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const repo = url.search(/\/(services|packages|bench)\//);
  return repo >= 0 ? url.slice(repo + 1) : basename(url);
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

/** `tsx bench/src/report/profile-summary.ts <file.cpuprofile> [top]`: the top functions. */
function main(): void {
  const [file, topArgument] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  const top = Number(topArgument ?? 40);
  const { totalUs, functions } = summarizeProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
  );
  const idle = functions.find((f) => f.name.startsWith('(idle)'))?.selfUs ?? 0;
  const busy = totalUs - idle;
  console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s`);
  console.log('\nself time (share of busy)');
  for (const f of [...functions].sort((a, b) => b.selfUs - a.selfUs).slice(0, top)) {
    if (f.name.startsWith('(idle)')) continue;
    console.log(`${percent(f.selfUs, busy)}  ${f.name}`);
  }
  console.log('\ninclusive time (share of busy)');
  for (const f of [...functions].sort((a, b) => b.totalUs - a.totalUs).slice(0, top)) {
    if (f.name.startsWith('(')) continue;
    console.log(`${percent(f.totalUs, busy)}  ${f.name}`);
  }
}

if (process.argv[1]?.endsWith('profile-summary.ts')) main();
