import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { builtManifest, listWorkspaces } from './workspace-layout';

/**
 * `npm run build`: compiles every workspace's `src/` with `tsc -p tsconfig.build.json` into
 * `dist/<workspace>/src/` (the same depth as the source, so `__dirname`-relative paths hold),
 * then lays `dist/` out so plain `node` resolves `@clawback/*` to the compiled JavaScript:
 *
 * - `dist/<workspace>/package.json`: the workspace's manifest with `main` ending in `.js`;
 * - `dist/node_modules/@clawback/<name>`: a symlink to `../../<workspace>`. Node looks in the
 *   nearest `node_modules` first, so this shadows the repository's own `node_modules/@clawback/*`
 *   links (which point at the TypeScript sources, for tsx and jest); third-party packages are
 *   still found in the repository's `node_modules` one level up;
 * - `dist/schemas`: the Avro schemas the schema-registry package reads at start-up.
 *
 * Development never reads `dist/` (ADR 0016), so a stale build cannot leak into tests.
 */
function build(root: string): void {
  const started = Date.now();
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
  if (tsc.status !== 0) {
    process.stderr.write(`build: tsc failed (exit ${String(tsc.status)})\n`);
    process.exit(1);
  }
  for (const workspace of listWorkspaces(root)) {
    const target = join(dist, workspace.dir);
    mkdirSync(target, { recursive: true });
    writeFileSync(
      join(target, 'package.json'),
      `${JSON.stringify(builtManifest(workspace.manifest), null, 2)}\n`,
    );
    const link = join(dist, 'node_modules', workspace.name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), target), link, 'dir');
  }
  cpSync(join(root, 'schemas'), join(dist, 'schemas'), { recursive: true });
  // Last, so its presence means a complete build (the test harness compares its mtime).
  writeFileSync(join(dist, '.build-complete'), `${new Date().toISOString()}\n`);
  process.stdout.write(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

build(resolve(__dirname, '../../..'));
