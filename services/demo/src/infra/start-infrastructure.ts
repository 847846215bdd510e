import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DemoError } from '../demo-error';
import { REPO_ROOT } from '../run/demo-run';

/**
 * Runs `npm run infra:up` (its own entry point, without the npm wrapper) with the terminal as
 * its output, so its progress lines and, on failure, the tail of the failing component's log
 * appear as they would on their own. Idempotent: what already answers is left alone.
 *
 * @throws DemoError `demo_infra_failed` when it exits non-zero.
 */
export async function startInfrastructure(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'infra/src/cli.ts'), 'up'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    throw new DemoError(
      'demo_infra_failed',
      `infra:up exited with ${code}: the infrastructure did not come up (see the lines above and docs/infra.md)`,
    );
  }
}
