import type { CanonicalNotification } from '@clawback/notifications';
import type { OrderLineState, OrderState } from '../state/order-state';
import { firstNaming, unitsNamed } from './refund-rules';

/**
 * Why a refund's line quantities look wrong, recorded on `RefundApplied` and never a reason to
 * refuse it: the money has already moved. Codes are only ever added, never renamed.
 */
export const REFUND_WARNING_CODES = [
  /** Stated refunded units, cumulatively above the units sold: units capped at what was sold. */
  'refunded_units_exceed_sold',
  /** Repeated order quantities that, read as refunded units, would exceed what was sold. */
  'inferred_quantity_implausible',
  /** The refund names a line the sale did not have. */
  'unknown_line',
] as const;

/** One of {@link REFUND_WARNING_CODES}. */
export type RefundWarningCode = (typeof REFUND_WARNING_CODES)[number];

/** A quantity the lifecycle could not reconcile; `detail` is for operators, not a contract. */
export interface RefundWarning {
  readonly code: RefundWarningCode;
  readonly detail: string;
}

/** Shared by every refund without warnings (almost all): events are never changed once built. */
const NO_WARNINGS: readonly RefundWarning[] = Object.freeze([]);

/** True when the notification states refunded units (only then may units be trusted). */
function statesRefundedUnits(notification: CanonicalNotification): boolean {
  return notification.lineQuantities === 'refunded_units';
}

/** The sale's line `lineId`: a loop, not `find`, whose callback would be a closure per line. */
function soldLine(state: OrderState, lineId: string): OrderLineState | undefined {
  for (const line of state.lines) if (line.lineId === lineId) return line;
  return undefined;
}

/**
 * The warnings of a refund that passed the amount rules, one per named line in the refund's
 * order (a line id named twice counts once, with its units summed). Only checked when the sale
 * listed its lines (otherwise there is nothing to compare with).
 */
export function refundWarnings(
  state: OrderState,
  notification: CanonicalNotification,
): readonly RefundWarning[] {
  if (state.lines.length === 0) return NO_WARNINGS;
  let warnings: RefundWarning[] | null = null;
  for (let index = 0; index < notification.lines.length; index++) {
    if (!firstNaming(notification, index)) continue;
    const lineId = notification.lines[index]!.lineId;
    const units = unitsNamed(notification, lineId);
    const line = soldLine(state, lineId);
    if (line === undefined) {
      (warnings ??= []).push({
        code: 'unknown_line',
        detail: `line ${lineId} is not part of the sale`,
      });
    } else if (line.refundedQuantity + units > line.quantity) {
      (warnings ??= []).push({
        code: statesRefundedUnits(notification)
          ? 'refunded_units_exceed_sold'
          : 'inferred_quantity_implausible',
        detail: `line ${lineId}: ${line.refundedQuantity} + ${units} named > ${line.quantity} sold`,
      });
    }
  }
  return warnings ?? NO_WARNINGS;
}
