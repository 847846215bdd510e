import { CancellationError } from '../../cancellation-error';
import { scalarText } from '../http/scalar-text';
import { excerpt } from '../http/status-error';
import type { CancelResult } from '../cancellation-adapter';

/** Kartra's "Subscription already cancelled": the goal is reached. */
const ALREADY_CANCELLED = '252';
/** Kartra's "Cancellation has failed" (an unexpected issue on its side): worth retrying. */
const CANCELLATION_FAILED = '267';

interface KartraStatus {
  readonly status?: unknown;
  readonly message?: unknown;
  readonly type?: unknown;
}

/**
 * Reads the answer to `cancel_transaction`. Kartra answers API-level outcomes with HTTP 200 and
 * a JSON status: `{"status":"Error","message":…,"type":"252"}` at the top level, or the
 * command's own result under `cancel_transaction` (possibly inside `actions[]`).
 *
 * @throws CancellationError `provider_failed` (267), `provider_refused` (other error types:
 *   no such subscription, not recurring, bad credentials…), `receiver_answer_invalid`.
 */
export function readKartraAnswer(body: string): CancelResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalid(body);
  }
  const statuses = [parsed, commandResult(parsed)].filter(isStatus);
  const error = statuses.find((s) => s.status === 'Error');
  if (error) {
    const type = scalarText(error.type);
    if (type === ALREADY_CANCELLED) return { alreadyCancelled: true };
    const message = `Kartra refused cancel_transaction: type ${type}, ${scalarText(error.message)}`;
    throw new CancellationError(
      type === CANCELLATION_FAILED ? 'provider_failed' : 'provider_refused',
      message,
    );
  }
  if (statuses.some((s) => s.status === 'Success')) return { alreadyCancelled: false };
  throw invalid(body);
}

function commandResult(parsed: unknown): unknown {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { cancel_transaction?: unknown; actions?: unknown };
  if (record.cancel_transaction !== undefined) return record.cancel_transaction;
  const first: unknown = Array.isArray(record.actions) ? record.actions[0] : undefined;
  return typeof first === 'object' && first !== null
    ? (first as { cancel_transaction?: unknown }).cancel_transaction
    : undefined;
}

function isStatus(value: unknown): value is KartraStatus {
  return typeof value === 'object' && value !== null && 'status' in value;
}

function invalid(body: string): CancellationError {
  return new CancellationError(
    'receiver_answer_invalid',
    `Kartra answered 200 without a readable status${excerpt(body)}`,
  );
}
