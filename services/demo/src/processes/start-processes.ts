import { relative } from 'node:path';
import type { Admin } from '@clawback/kafka';
import { DemoError } from '../demo-error';
import { groupHasJoined } from '../observe/consumer-groups';
import { pollUntil } from '../observe/poll-until';
import type { Progress } from '../progress';
import { REPO_ROOT } from '../run/demo-run';
import type { DemoProcess } from './demo-processes';
import { type ServiceProcess, spawnService } from './service-process';

/** The demo's started processes. */
export interface StartedProcesses {
  readonly all: readonly ServiceProcess[];
  /** Throws a DemoError naming the first process that has exited, with its log. */
  readonly checkAlive: () => void;
  /** SIGTERM to the ingress first (no new requests), then to the others at once. */
  readonly stopAll: () => Promise<void>;
}

/** Builds {@link StartedProcesses} over processes started so far. */
function startedProcesses(all: ServiceProcess[]): StartedProcesses {
  return {
    all,
    checkAlive: () => {
      const dead = all.find((child) => child.exitStatus() !== undefined);
      if (dead) {
        throw new DemoError('demo_service_failed', `${dead.name} exited (${dead.exitStatus()})`, {
          logFile: dead.logFile,
        });
      }
    },
    stopAll: async () => {
      const ingress = all.filter((child) => child.name === 'ingress');
      for (const child of ingress) await child.stop(30_000);
      await Promise.all(
        all.filter((child) => child.name !== 'ingress').map((child) => child.stop(30_000)),
      );
    },
  };
}

/**
 * Starts the processes one after another and waits for each to be ready (its `/readyz`, and its
 * consumer groups joined) before the next, so a failure names the process at fault. On failure
 * the processes already started are stopped.
 *
 * @throws DemoError `demo_service_failed` (a process exited) or `demo_timed_out`, with its log.
 */
export async function startProcesses(
  specs: readonly DemoProcess[],
  logDir: string,
  admin: Admin,
  progress: Progress,
): Promise<StartedProcesses> {
  const all: ServiceProcess[] = [];
  const started = startedProcesses(all);
  try {
    for (const spec of specs) {
      const child = spawnService(spec, logDir);
      all.push(child);
      progress(
        `starting ${spec.name} (pid ${child.pid}, log ${relative(REPO_ROOT, child.logFile)})`,
      );
      try {
        await pollUntil(
          async () => {
            if (!(await fetch(spec.readiness.url)).ok) return false;
            for (const group of spec.readiness.groups)
              if (!(await groupHasJoined(admin, group))) return false;
            return true;
          },
          {
            description: `${spec.name} to be ready`,
            timeoutMs: 120_000,
            abortIf: started.checkAlive,
          },
        );
      } catch (error) {
        if (error instanceof DemoError && error.logFile === undefined) {
          throw new DemoError(error.code, error.message, { logFile: child.logFile, cause: error });
        }
        throw error;
      }
      const groups =
        spec.readiness.groups.length > 0 ? `, joined ${spec.readiness.groups.join(', ')}` : '';
      progress(`${spec.name} is ready${groups}`);
    }
    return started;
  } catch (error) {
    await started.stopAll();
    throw error;
  }
}
