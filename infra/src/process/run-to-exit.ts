import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Runs a short-lived command with its output written to `logFile` and resolves with its exit
 * code (null when a signal ended it). Rejects only when the command cannot be run at all.
 */
export async function runToExit(
  command: string,
  args: readonly string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number | null> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  try {
    return await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, [...args], { env, stdio: ['ignore', fd, fd] });
      child.once('error', reject);
      child.once('close', resolve);
    });
  } finally {
    closeSync(fd);
  }
}
