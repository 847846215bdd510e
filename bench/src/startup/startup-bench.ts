import { readFileSync } from 'node:fs';
import {
  createTestContext,
  ensureBuilt,
  freePort,
  startChildService,
  waitFor,
} from '@clawback/test-harness';
import { writeMerchantsFile } from '../../../services/ingress/src/testing/ingress-under-test';
import { serviceEnv } from '../../../test/support/service-env';

/** A service entry point and the variable naming the port its `/readyz` answers on. */
interface ServiceSpec {
  readonly name: string;
  readonly entryPoint: string;
  readonly portVariable: string;
}

const services: readonly ServiceSpec[] = [
  { name: 'ingress', entryPoint: 'services/ingress/src/main.ts', portVariable: 'INGRESS_PORT' },
  {
    name: 'order-lifecycle',
    entryPoint: 'services/order-lifecycle/src/main.ts',
    portVariable: 'OBSERVABILITY_PORT',
  },
  {
    name: 'commission-reversals',
    entryPoint: 'services/commission-reversals/src/main.ts',
    portVariable: 'OBSERVABILITY_PORT',
  },
  {
    name: 'subscription-cancellations',
    entryPoint: 'services/subscription-cancellations/src/main.ts',
    portVariable: 'OBSERVABILITY_PORT',
  },
];

/** Resident set size of `pid` in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One start: milliseconds from spawn to `/readyz` 200, and RSS then and after 5 s idle. */
async function measureStart(
  spec: ServiceSpec,
  env: Record<string, string>,
  built: boolean,
): Promise<{ readyMs: number; rssReady: number; rssIdle: number }> {
  const port = await freePort();
  const started = performance.now();
  const service = startChildService(
    spec.entryPoint,
    { ...env, [spec.portVariable]: String(port) },
    { built },
  );
  try {
    await waitFor(
      async () => {
        if (service.hasExited()) throw new Error(`${spec.name} exited:\n${service.output()}`);
        return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok ?? false;
      },
      { timeoutMs: 120_000, intervalMs: 25, description: `${spec.name} /readyz` },
    );
    const readyMs = performance.now() - started;
    const pid = service.child.pid ?? 0;
    const rssReady = rssMiB(pid);
    await new Promise((resolveIdle) => setTimeout(resolveIdle, 5_000));
    return { readyMs, rssReady, rssIdle: rssMiB(pid) };
  } finally {
    await service.stop('SIGTERM');
  }
}

/**
 * Start-up time and memory of each service from source (`node --import tsx`) and from the
 * production build (plain `node` on dist/), against the running infrastructure on throwaway
 * topics: `npx tsx bench/src/startup/startup-bench.ts [runs]` prints a Markdown table of medians.
 */
async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  ensureBuilt();
  const context = await createTestContext({ partitions: 3 });
  await context.redis();
  const merchants = writeMerchantsFile();
  const env = {
    ...serviceEnv(context, merchants.path, { IT_2CHECKOUT_SECRET: 'bench-secret' }),
  } as Record<string, string>;
  const rows: string[] = [];
  try {
    for (const spec of services) {
      for (const built of [false, true]) {
        const samples = [];
        for (let run = 0; run < runs; run += 1) samples.push(await measureStart(spec, env, built));
        rows.push(
          `| ${spec.name} | ${built ? 'node dist/' : 'tsx src/'} | ${median(samples.map((s) => s.readyMs)).toFixed(0)} | ${median(samples.map((s) => s.rssReady)).toFixed(0)} | ${median(samples.map((s) => s.rssIdle)).toFixed(0)} |`,
        );
        process.stderr.write(`${rows[rows.length - 1]}\n`);
      }
    }
  } finally {
    merchants.remove();
    await context.dispose();
  }
  process.stdout.write(
    `| service | run from | ready (ms, median of ${runs}) | RSS at ready (MiB) | RSS after 5 s idle (MiB) |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
