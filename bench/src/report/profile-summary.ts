import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Which samples to count: those from `skipMs` after the profile's start (past the start-up). */
interface SummaryOptions {
  readonly root: string;
  readonly skipMs: number;
}

/** Self time of one function (name and place) in a profile. */
interface SelfTime {
  readonly frame: string;
  readonly ms: number;
  /** Share of the busy (non-idle) time. */
  readonly share: number;
}

const IDLE = new Set(['(idle)', '(program)']);

/**
 * Self time per function of a `.cpuprofile`, largest first, as shares of the busy time
 * (idle and V8's unattributed "(program)" left out), or per package with `byPackage`.
 */
function selfTimes(
  profile: CpuProfile,
  { root, skipMs }: SummaryOptions,
  byPackage = false,
): SelfTime[] {
  const frameOf = new Map<number, string>();
  for (const { id, callFrame: c } of profile.nodes) {
    const place = c.url
      ? `${relative(root, c.url.replace(/^file:\/\//, ''))}:${c.lineNumber + 1}`
      : '';
    const name = `${c.functionName || '(anonymous)'} ${place}`.trim();
    frameOf.set(id, byPackage ? packageOf(place, name) : name);
  }
  const totals = new Map<string, number>();
  let at = 0;
  for (const [i, node] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    at += ms;
    if (at < skipMs) continue;
    const frame = frameOf.get(node)!;
    totals.set(frame, (totals.get(frame) ?? 0) + ms);
  }
  const busy = [...totals].filter(([f]) => !IDLE.has(f)).reduce((n, [, ms]) => n + ms, 0);
  return [...totals]
    .filter(([frame]) => !IDLE.has(frame))
    .map(([frame, ms]) => ({ frame, ms, share: ms / busy }))
    .sort((a, b) => b.ms - a.ms);
}

/** node_modules/<package>, dist/<workspace>/<name>, node:<module> or the native name. */
function packageOf(place: string, name: string): string {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(place);
  if (module) return module[1]!;
  const ours = /^dist\/(\w+\/[^/]+)/.exec(place);
  if (ours) return ours[1]!;
  if (place.startsWith('node:')) return place.replace(/:\d+$/, '').replace(/\/[^/]*$/, '');
  return place ? place.replace(/:\d+$/, '') : name;
}

/**
 * `tsx bench/src/report/profile-summary.ts <file.cpuprofile>... [--top N] [--skip-ms M]
 * [--by-package]`: prints the self-time table of each profile.
 */
function main(args: readonly string[]): void {
  const option = (name: string, fallback: number): number =>
    args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
  const top = option('--top', 40);
  const skipMs = option('--skip-ms', 0);
  const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(top|skip)/));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const options = { root: process.cwd(), skipMs };
    const times = selfTimes(profile, options, args.includes('--by-package'));
    const busy = times.reduce((n, t) => n + t.ms, 0);
    process.stdout.write(`\n${file}: ${Math.round(busy)} ms busy\n`);
    for (const t of times.slice(0, top)) {
      process.stdout.write(
        `${(t.share * 100).toFixed(1).padStart(5)}%  ${t.ms.toFixed(0).padStart(6)} ms  ${t.frame}\n`,
      );
    }
  }
}

if (require.main === module) main(process.argv.slice(2));
