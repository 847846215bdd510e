import { CliError } from '../cli-error';
import type { AdminClient } from '../client/admin-client';
import type {
  Case,
  DeadLetter,
  OrderTimeline,
  RedriveAccepted,
  ResolutionAccepted,
} from '../client/wire';
import type { Request } from '../command-line/invocation';
import { caseDetail, outcomeOf } from '../render/case-detail';
import { casesTable } from '../render/cases-table';
import { deadLettersTable } from '../render/dead-letters-table';
import { timelineTable } from '../render/timeline-table';
import { type Waiting, waitForOutcome } from './wait-for-outcome';

const segment = encodeURIComponent;
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Runs one request against the admin API and returns what to print on stdout: a table, or the
 * API's JSON when `asJson`.
 *
 * @throws CliError `refused` / `unreachable` from the client; `refused` when the lifecycle
 *   refused a resolution; `timed_out` when its outcome did not show in time
 */
export async function runRequest(
  request: Request,
  client: AdminClient,
  asJson: boolean,
  waiting: Waiting,
): Promise<string> {
  switch (request.command) {
    case 'order': {
      const { body } = await client.get<OrderTimeline>(`/v1/orders/${segment(request.orderKey)}`);
      return asJson ? json(body) : timelineTable(body);
    }
    case 'cases': {
      const query = new URLSearchParams();
      const { reason, merchant, status, orderKey } = request.filter;
      if (reason !== undefined) query.set('reason', reason);
      if (merchant !== undefined) query.set('merchant', merchant);
      if (status !== undefined) query.set('status', status);
      if (orderKey !== undefined) query.set('orderKey', orderKey);
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      const { body } = await client.get<{ cases: Case[] }>(`/v1/cases${suffix}`);
      return asJson ? json(body) : casesTable(body.cases);
    }
    case 'case': {
      const { body } = await client.get<Case>(`/v1/cases/${segment(request.caseId)}`);
      return asJson ? json(body) : caseDetail(body);
    }
    case 'resolve':
      return resolve(request, client, asJson, waiting);
    case 'dlq': {
      const suffix = request.queue === undefined ? '' : `?queue=${request.queue}`;
      const { body } = await client.get<{ deadLetters: DeadLetter[] }>(`/v1/dead-letters${suffix}`);
      return asJson ? json(body) : deadLettersTable(body.deadLetters);
    }
    case 'redrive': {
      const { body } = await client.post<RedriveAccepted>(
        `/v1/dead-letters/${segment(request.deadLetterId)}/redrive`,
        { reason: request.reason },
      );
      return asJson
        ? json(body)
        : `redrive ${body.redriveId} of ${body.deadLetterId} written to ${redriveTopicOf(body.redriveId)}\n`;
    }
  }
}

async function resolve(
  request: Extract<Request, { command: 'resolve' }>,
  client: AdminClient,
  asJson: boolean,
  waiting: Waiting,
): Promise<string> {
  const { body: accepted } = await client.post<ResolutionAccepted>(
    `/v1/cases/${segment(request.caseId)}/resolutions`,
    {
      resolution: request.resolution,
      ...(request.orderKey !== undefined && { orderKey: request.orderKey }),
      reason: request.reason,
    },
  );
  const outcome = await waitForOutcome(
    client,
    request.caseId,
    accepted.commandId,
    request.timeoutMs,
    waiting,
  );
  if (outcome.resolution.refusal !== null) {
    throw new CliError(
      'refused',
      `the lifecycle refused ${request.resolution} (command ${accepted.commandId}): ${outcome.resolution.refusal}`,
    );
  }
  if (asJson) return json({ accepted, case: outcome.case });
  return [
    `${request.resolution} of ${request.caseId} on ${accepted.orderKey}: ${outcomeOf(outcome.resolution)}`,
    '',
    caseDetail(outcome.case),
  ].join('\n');
}

/** Where the admin service wrote a redrive, from its id (ADR 0019). */
function redriveTopicOf(redriveId: string): string {
  return redriveId.startsWith('redrive-cancellations-')
    ? 'the cancellation redrive topic'
    : 'the raw topic';
}
