import {
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  providerTimeProblem,
  type CanonicalNotification,
} from '@clawback/notifications';
import { OrderMachineError } from '../order-machine-error';

/** The warning code (and case reason) of a provider time the lifecycle did not use (ADR 0020). */
export const PROVIDER_TIME_WARNING_CODE = 'provider_time_implausible';

/**
 * Recorded on every event caused by a notification whose provider time was implausible: the
 * event's `occurredAt` is then the ingress's `receivedAt`, and this keeps what the provider said.
 */
export interface ProviderTimeWarning {
  readonly code: typeof PROVIDER_TIME_WARNING_CODE;
  /** The provider's time exactly as the adapter normalized it (e.g. `9999-12-31T23:59:59Z`). */
  readonly providerTime: string;
  /** A sentence for operators; not a contract. */
  readonly detail: string;
}

/**
 * The time the machine places a notification at, from what is in the log only: its provider
 * time when that is plausible (ISO 8601 UTC, ≥ 2000, ≤ `receivedAt` + 24 h), else `receivedAt`
 * itself (ISO 8601, as `toISOString()` writes it). So the result never exceeds
 * `receivedAt` + `PROVIDER_TIME_FUTURE_SKEW_MS`, whatever the provider wrote.
 *
 * @param receivedAtMs the ingress's `receivedAt` (epoch ms) stored with the raw record
 * @throws OrderMachineError `invalid_input` when `receivedAtMs` is outside 2000…2100 (the
 *   lifecycle dead-letters such a record before it reaches the machine)
 */
export function effectiveProviderTime(occurredAt: string, receivedAtMs: number): string {
  if (!(receivedAtMs >= EARLIEST_PROVIDER_TIME_MS && receivedAtMs <= LATEST_PROVIDER_TIME_MS))
    throw new OrderMachineError('invalid_input', `receivedAt ${receivedAtMs} is implausible`);
  return providerTimeProblem(occurredAt, receivedAtMs) === undefined
    ? occurredAt
    : new Date(receivedAtMs).toISOString();
}

/**
 * The notification as the machine decides it (ADR 0020): unchanged when its provider time is
 * plausible; otherwise placed at `receivedAt`, the provider's text kept in
 * `implausibleProviderTime` (and so on every event it causes, and on its parked copy).
 */
export function placedInTime(n: CanonicalNotification, receivedAt: string): CanonicalNotification {
  const receivedAtMs = Date.parse(receivedAt);
  const occurredAt = effectiveProviderTime(n.occurredAt, receivedAtMs);
  if (occurredAt === n.occurredAt) return n;
  return { ...n, occurredAt, implausibleProviderTime: n.occurredAt };
}

/** The warning an event caused by `cause` carries, or `undefined` when its time was used. */
export function providerTimeWarningOf(
  cause: CanonicalNotification,
): ProviderTimeWarning | undefined {
  const providerTime = cause.implausibleProviderTime;
  if (providerTime === undefined) return undefined;
  return {
    code: PROVIDER_TIME_WARNING_CODE,
    providerTime,
    detail: `provider time ${providerTime} is implausible; applied at its receipt, ${cause.occurredAt}`,
  };
}
