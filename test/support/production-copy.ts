import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Runs a shell command in `cwd`; throws with its output when it fails. Returns seconds taken. */
function run(command: string, cwd: string): number {
  const started = Date.now();
  const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} failed (exit ${String(result.status)}):\n${result.stdout}${result.stderr}`,
    );
  }
  return (Date.now() - started) / 1000;
}

/** Seconds each step of {@link productionCopy} took. */
export interface ProductionCopy {
  readonly dir: string;
  readonly seconds: { readonly copy: number; readonly build: number; readonly prune: number };
}

/**
 * A copy of this repository installed as production would be: the files git knows (tracked, or
 * new and not ignored) and the installed node_modules, then `npm run build`, then
 * `npm prune --omit=dev` (offline: it only deletes), so only `dependencies` remain.
 */
export function productionCopy(): ProductionCopy {
  const dir = mkdtempSync(join(tmpdir(), 'clawback-production-'));
  const modules = [
    '.',
    ...['packages', 'services'].flatMap((d) =>
      readdirSync(join(root, d)).map((name) => `${d}/${name}`),
    ),
    'infra',
    'tools',
    'test',
    'bench',
  ].filter((d) => existsSync(join(root, d, 'node_modules')));
  const copy =
    run(
      `git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - | tar -xf - -C '${dir}'`,
      root,
    ) + run(modules.map((d) => `cp -a '${d}/node_modules' '${join(dir, d)}/'`).join(' && '), root);
  const build = run('npm run --silent build', dir);
  const prune = run('npm prune --omit=dev --offline --no-audit --no-fund --loglevel=error', dir);
  return { dir, seconds: { copy, build, prune } };
}

const requireCall = /require\("([^"]+)"\)/g;

/**
 * The bare package names the compiled `entry` and everything it requires (relative paths and
 * `@clawback/*` workspaces, followed through `dist/node_modules`) require at run time.
 */
export function runtimePackages(distDir: string, entry: string): ReadonlySet<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(requireCall)) {
      if (spec.startsWith('.')) visit(resolveJs(join(dirname(file), spec)));
      else if (spec.startsWith('@clawback/')) visit(workspaceFile(distDir, spec));
      else if (!spec.startsWith('node:')) {
        packages.add(
          spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split('/')[0] ?? spec),
        );
      }
    }
  };
  visit(join(distDir, entry));
  return packages;
}

function resolveJs(path: string): string {
  for (const candidate of [path, `${path}.js`, join(path, 'index.js')]) {
    if (existsSync(candidate) && candidate.endsWith('.js')) return candidate;
  }
  throw new Error(`cannot resolve ${path}`);
}

/** `@clawback/x` or `@clawback/x/sub` through the built manifest's `main`/`exports`. */
function workspaceFile(distDir: string, spec: string): string {
  const [scope = '', name = '', ...rest] = spec.split('/');
  const dir = join(distDir, 'node_modules', scope, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    main?: string;
    exports?: Record<string, string | { default?: string; require?: string }>;
  };
  const key = rest.length ? `./${rest.join('/')}` : '.';
  const target = manifest.exports?.[key];
  const path =
    typeof target === 'string' ? target : (target?.require ?? target?.default ?? manifest.main);
  if (!path) throw new Error(`${spec}: no entry in ${dir}/package.json`);
  return resolveJs(join(dir, path));
}
