import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (dist/ lives there). */
const root = resolve(__dirname, '../../..');

/** Written by `npm run build` once dist/ is complete; its mtime is the build's time. */
const BUILD_MARKER = 'dist/.build-complete';

/** The compiled counterpart of a source entry point: `services/x/src/main.ts` → `dist/services/x/src/main.js`. */
export function builtEntryPoint(entryPoint: string): string {
  return join('dist', entryPoint.replace(/\.ts$/, '.js'));
}

/** The newest modification time among the TypeScript sources the build compiles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/ holds a build of the current sources: runs `npm run build` unless the build
 * marker is newer than every compiled source (and schema), so a test never runs a stale build
 * and a second test in a row does not pay for another one.
 */
export function ensureBuilt(): void {
  const marker = join(root, BUILD_MARKER);
  if (existsSync(marker)) {
    const builtAt = statSync(marker).mtimeMs;
    const sources = ['packages', 'services', 'schemas'].map((d) => newestSource(join(root, d)));
    if (Math.max(...sources) < builtAt) return;
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${String(build.status)}):\n${build.stdout}${build.stderr}`,
    );
  }
}
