// Issue 14: the production install. A copy of the repository is built (`npm run build`), its
// devDependencies pruned (`npm prune --omit=dev`), and each service started from the copy with
// plain `node` on its compiled entry point must answer /healthz; no compiled module a service
// loads may require a package that is not a runtime dependency.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type ChildService,
  createTestContext,
  freePorts,
  startChildService,
  type TestContext,
  waitFor,
} from '@clawback/test-harness';
import { type MerchantsFile, writeMerchantsFile } from './support/merchants-file';
import { type ProductionCopy, productionCopy, runtimePackages } from './support/production-copy';
import { serviceEnv } from './support/service-env';

/** Each service with the variable that sets the port its /healthz answers on. */
const SERVICES = [
  ['ingress', 'services/ingress/src/main.ts', 'INGRESS_PORT'],
  ['order-lifecycle', 'services/order-lifecycle/src/main.ts', 'OBSERVABILITY_PORT'],
  ['commission-reversals', 'services/commission-reversals/src/main.ts', 'OBSERVABILITY_PORT'],
  [
    'subscription-cancellations',
    'services/subscription-cancellations/src/main.ts',
    'OBSERVABILITY_PORT',
  ],
  ['admin', 'services/admin/src/main.ts', 'ADMIN_PORT'],
] as const;

describe('a production install (npm run build, then npm prune --omit=dev)', () => {
  let install: ProductionCopy;
  let context: TestContext;
  let merchants: MerchantsFile;
  let env: Record<string, string>;
  const children: ChildService[] = [];

  beforeAll(async () => {
    install = productionCopy();
    process.stdout.write(
      `production copy: copy ${install.seconds.copy.toFixed(1)} s, build ${install.seconds.build.toFixed(1)} s, prune ${install.seconds.prune.toFixed(1)} s\n`,
    );
    context = await createTestContext();
    merchants = writeMerchantsFile({ 'e2e-production': { '2checkout': { secretKey: 'k' } } });
    env = serviceEnv(context, merchants.path, {
      ADMIN_TOKENS: 'viewer:e2e:production-install-viewer-token',
    }) as Record<string, string>;
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop('SIGKILL')));
    merchants?.remove();
    await context?.dispose();
    if (install) rmSync(install.dir, { recursive: true, force: true });
  });

  it('has no development tooling left in node_modules', () => {
    for (const tool of ['typescript', 'tsx', 'jest', 'ts-jest', 'eslint', 'fast-check']) {
      expect([tool, existsSync(join(install.dir, 'node_modules', tool))]).toEqual([tool, false]);
    }
  });

  it.each(SERVICES)('%s loads only packages the production install has', (_name, entryPoint) => {
    const entry = entryPoint.replace(/\.ts$/, '.js');
    const required = runtimePackages(join(install.dir, 'dist'), entry);
    // Node's own resolution from the compiled entry point, as plain `node` resolves it.
    const resolvable = createRequire(join(install.dir, 'dist', entry));
    const missing = [...required].filter((name) => {
      try {
        resolvable.resolve(name);
        return false;
      } catch {
        return true;
      }
    });
    expect(required.size).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });

  it.each(SERVICES)(
    '%s starts with plain node and answers /healthz',
    async (name, entryPoint, portVariable) => {
      const [port = 0] = await freePorts(1);
      const child = startChildService(
        entryPoint,
        { ...env, [portVariable]: String(port) },
        { built: true, cwd: install.dir },
      );
      children.push(child);
      await waitFor(
        async () => {
          if (child.hasExited()) throw new Error(`${name} exited:\n${child.output()}`);
          const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
          return response?.status === 200;
        },
        { timeoutMs: 60_000, description: `${name} /healthz` },
      );
      expect(await child.stop('SIGTERM')).toBe(0);
    },
  );
});
