import { CliError } from '../cli-error';
import type { AdminClient } from '../client/admin-client';
import type { Case, CaseResolution } from '../client/wire';

/** The clock and pause `resolve` waits with (injected so tests need no real time). */
export interface Waiting {
  readonly now: () => number;
  readonly pause: (ms: number) => Promise<void>;
  readonly pollMs: number;
}

/** The real clock: polls the case every 250 ms. */
export const realWaiting: Waiting = {
  now: () => Date.now(),
  pause: (ms) => new Promise((done) => setTimeout(done, ms)),
  pollMs: 250,
};

/**
 * Whether the case shows what the command did: events it caused, a refusal, or (dismiss) the
 * command itself, which the case book counts as the outcome.
 */
function settled(resolution: CaseResolution): boolean {
  return (
    resolution.refusal !== null ||
    resolution.eventIds.length > 0 ||
    resolution.resolution === 'dismiss'
  );
}

/**
 * Reads the case until its resolution `commandId` has settled, and returns the case.
 *
 * @throws CliError `timed_out` after `timeoutMs` (the command is in the log; it may still take
 *   effect, e.g. an attach to an order whose sale has not arrived parks)
 */
export async function waitForOutcome(
  client: AdminClient,
  caseId: string,
  commandId: string,
  timeoutMs: number,
  waiting: Waiting,
): Promise<{ readonly case: Case; readonly resolution: CaseResolution }> {
  const deadline = waiting.now() + timeoutMs;
  const path = `/v1/cases/${encodeURIComponent(caseId)}`;
  for (;;) {
    const { body } = await client.get<Case>(path);
    const resolution = body.resolutions.find((r) => r.commandId === commandId);
    if (resolution !== undefined && settled(resolution)) return { case: body, resolution };
    if (waiting.now() >= deadline) {
      throw new CliError(
        'timed_out',
        `command ${commandId} is in the log, but case ${caseId} showed no outcome within ` +
          `${timeoutMs / 1000} s (${resolution === undefined ? 'the command was not seen yet' : 'no event yet; an attach to an order without its sale parks until the sale arrives'}); ` +
          `see \`clawback case ${caseId}\``,
      );
    }
    await waiting.pause(Math.min(waiting.pollMs, Math.max(0, deadline - waiting.now())));
  }
}
