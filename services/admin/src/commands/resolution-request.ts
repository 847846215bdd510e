import { OPERATOR_RESOLUTIONS, type OperatorResolution } from '@clawback/notifications';
import { AdminError } from '../admin-error';

/** The body of `POST /v1/cases/{caseId}/resolutions`, checked. */
export interface ResolutionRequest {
  readonly resolution: OperatorResolution;
  /** The target order of an attach. */
  readonly orderKey: string | null;
  readonly reason: string;
}

/** Longest `reason` accepted. */
export const MAX_REASON_LENGTH = 500;

const bad = (message: string) => new AdminError('invalid_request', message);

/** The operator's reason of a body, 1 to 500 characters after trimming. */
export function reasonOf(body: Record<string, unknown>): string {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason === '') throw bad('reason is required: say why, in 1 to 500 characters');
  if (reason.length > MAX_REASON_LENGTH)
    throw bad(`reason is longer than ${MAX_REASON_LENGTH} characters`);
  return reason;
}

/** A JSON object body, or `invalid_request`. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw bad('the body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * Checks a resolution body.
 *
 * @throws AdminError `invalid_request` saying what is wrong.
 */
export function parseResolutionRequest(body: unknown): ResolutionRequest {
  const fields = objectBody(body);
  const resolution = fields.resolution;
  if (
    typeof resolution !== 'string' ||
    !(OPERATOR_RESOLUTIONS as readonly string[]).includes(resolution)
  )
    throw bad(`resolution must be one of ${OPERATOR_RESOLUTIONS.join(', ')}`);
  const orderKey = fields.orderKey;
  if (orderKey !== undefined && orderKey !== null && typeof orderKey !== 'string')
    throw bad('orderKey must be a string');
  if (resolution === 'attach' && (typeof orderKey !== 'string' || orderKey.trim() === ''))
    throw bad('attach needs orderKey: the order the notification belongs to');
  return {
    resolution: resolution as OperatorResolution,
    orderKey: typeof orderKey === 'string' && resolution === 'attach' ? orderKey.trim() : null,
    reason: reasonOf(fields),
  };
}
