import type { Component, Progress } from '../component';
import type { InfraSettings } from '../config/settings';
import { InfraError } from '../infra-error';
import { readPidRecord, removePidRecord, writePidRecord } from '../process/pid-records';
import type { PidRecord } from '../process/process-ownership';
import { spawnDetached } from '../process/spawn-detached';
import { isRunning, stopProcess } from '../process/stop-process';
import { waitFor } from '../process/wait-for';

function seconds(sinceMs: number): string {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

/** Waits until `component` answers; fails early, with its log, if the process exits. */
async function awaitReady(
  component: Component,
  record: PidRecord,
  settings: InfraSettings,
  progress: Progress,
): Promise<void> {
  progress(`${component.name}: waiting for ${component.address} to answer (pid ${record.pid})`);
  const ready = await waitFor(
    async () => {
      if (!isRunning(record)) {
        removePidRecord(settings.paths.runDir, component.name);
        throw new InfraError(
          'start_failed',
          `${component.name}: process ${record.pid} exited during start`,
          {
            logFile: record.logFile,
          },
        );
      }
      return component.probe();
    },
    { timeoutMs: settings.startTimeoutMs, intervalMs: 500 },
  );
  if (!ready) {
    // A half-started process would hold the port and confuse the next attempt.
    await stopProcess(record, settings.stopTimeoutMs);
    removePidRecord(settings.paths.runDir, component.name);
    throw new InfraError(
      'not_ready',
      `${component.name}: ${component.address} did not answer within ${settings.startTimeoutMs} ms; stopped it`,
      { retriable: true, logFile: record.logFile },
    );
  }
}

/** A started (or adopted) process still to be waited for. */
interface Starting {
  readonly component: Component;
  readonly record: PidRecord;
  readonly started: number;
}

/**
 * Starts one component unless it already answers; returns what to wait for, or nothing when
 * it already answers.
 */
async function start(
  component: Component,
  settings: InfraSettings,
  progress: Progress,
): Promise<Starting | undefined> {
  const { runDir } = settings.paths;
  let record = readPidRecord(runDir, component.name);
  if (record && !isRunning(record)) {
    removePidRecord(runDir, component.name);
    record = undefined;
  }
  if (await component.probe()) {
    const owner = record
      ? `pid ${record.pid}, started by infra:up`
      : 'not started by infra:up; left alone';
    progress(`${component.name}: already answering at ${component.address} (${owner})`);
    return undefined;
  }
  if (!component.local) {
    throw new InfraError(
      'not_ready',
      `${component.name}: ${component.address} is not a loopback address and does not answer; start it yourself`,
      { retriable: true },
    );
  }
  const started = Date.now();
  if (!record) {
    await component.prepare(progress);
    progress(`${component.name}: starting`);
    record = await spawnDetached(component.startCommand());
    writePidRecord(runDir, record);
  }
  return { component, record, started };
}

async function ready(starting: Starting, settings: InfraSettings, progress: Progress) {
  const { component, record, started } = starting;
  await awaitReady(component, record, settings, progress);
  progress(
    `${component.name}: up at ${component.address} (pid ${record.pid}, ${seconds(started)})`,
  );
}

/** Consecutive components of one {@link Component.group} together, every other one alone. */
export function startBatches(components: readonly Component[]): readonly Component[][] {
  const batches: Component[][] = [];
  for (const component of components) {
    const last = batches.at(-1);
    const joins = component.group !== undefined && last?.[0]?.group === component.group;
    if (last && joins) last.push(component);
    else batches.push([component]);
  }
  return batches;
}

/**
 * `infra:up`: every component answering, starting only what is missing. The nodes of a
 * cluster are all started before any is waited for.
 */
export async function up(
  components: readonly Component[],
  settings: InfraSettings,
  progress: Progress,
): Promise<void> {
  const started = Date.now();
  for (const batch of startBatches(components)) {
    const starting: Starting[] = [];
    for (const component of batch) {
      const one = await start(component, settings, progress);
      if (one) starting.push(one);
    }
    await Promise.all(starting.map((one) => ready(one, settings, progress)));
  }
  progress(`all up (${seconds(started)}); logs in ${settings.paths.logsDir}`);
}
