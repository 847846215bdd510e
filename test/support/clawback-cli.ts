import { resolve } from 'node:path';
import { type ChildResult, runTypeScript } from './run-child';

const MAIN = resolve(__dirname, '../../services/cli/src/main.ts');

/**
 * Runs `npm run clawback -- …args` (the CLI's entry point, as a child process) against the
 * admin API at `adminUrl`, with `token` as `CLAWBACK_TOKEN` (none when undefined).
 */
export function clawback(
  adminUrl: string,
  token: string | undefined,
  args: readonly string[],
): Promise<ChildResult> {
  const env: Record<string, string | undefined> = { ...process.env, CLAWBACK_ADMIN_URL: adminUrl };
  delete env.CLAWBACK_TOKEN;
  if (token !== undefined) env.CLAWBACK_TOKEN = token;
  return runTypeScript(MAIN, args, env, 90_000);
}
