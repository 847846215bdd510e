/** True while a process with this pid exists (and may be signalled by us). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks a process to stop (SIGTERM: the services finish their batch, commit or abort, and
 * disconnect) and waits until it is gone; SIGKILL after `timeoutMs`. Resolves `graceful` or
 * `killed`.
 */
export async function stopPid(pid: number, timeoutMs: number): Promise<'graceful' | 'killed'> {
  if (!isAlive(pid)) return 'graceful';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'graceful';
    await pause(100);
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return 'killed';
}
