import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One npm workspace as the build sees it. */
export interface Workspace {
  /** Folder relative to the repository root, e.g. `packages/kafka`. */
  readonly dir: string;
  /** Package name, e.g. `@clawback/kafka`. */
  readonly name: string;
  /** The workspace's package.json as read. */
  readonly manifest: Record<string, unknown>;
}

/** Lists the workspaces named by the root package.json's `workspaces` globs (`folder/*` only). */
export function listWorkspaces(root: string): Workspace[] {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return rootManifest.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) throw new Error(`unsupported workspaces pattern ${pattern}`);
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')),
      )
      .map((entry) => {
        const dir = join(parent, entry.name);
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
          string,
          unknown
        >;
        return { dir: relative(root, dir), name: String(manifest.name), manifest };
      });
  });
}

/**
 * The package.json written beside a workspace's compiled `src/`: the same name and dependencies,
 * `main` pointing at the emitted JavaScript and no `types` (the build ships no declarations).
 */
export function builtManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const main = typeof manifest.main === 'string' ? manifest.main : 'src/index.ts';
  const { types: _types, devDependencies: _dev, exports, ...rest } = manifest;
  const built = { ...rest, main: toJs(main) };
  // Node resolves `exports` before `main`: entry points (e.g. `@clawback/providers/testing`)
  // must name the emitted JavaScript too, or plain node looks for the TypeScript.
  return exports === undefined ? built : { ...built, exports: builtExports(exports) };
}

const toJs = (file: string): string => file.replace(/\.ts$/, '.js');

function builtExports(exports: unknown): unknown {
  if (typeof exports === 'string') return toJs(exports);
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports as Record<string, unknown>).map(([key, value]) => [
      key,
      builtExports(value),
    ]),
  );
}
