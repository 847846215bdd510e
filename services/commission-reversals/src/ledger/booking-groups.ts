import { affiliateKey, type CommissionAdjustment } from '../rules/commission-adjustment';

/** Adjustments at most per booking script call: bounds how long one call blocks Redis. */
const MAX_BOOKINGS_PER_CALL = 64;

/** Adjustments of one affiliate, booked in one script call. */
export interface BookingGroup {
  readonly merchantId: string;
  readonly affiliateId: string;
  /** Positions in the batch, ascending: the affiliate's adjustments in their order. */
  readonly positions: number[];
}

/**
 * A batch's adjustments grouped by affiliate, in order of each affiliate's first adjustment,
 * each group holding at most `maxPerCall`. Only one affiliate's order matters (its balance
 * after each entry); different affiliates' keys are disjoint.
 */
export function bookingGroups(
  adjustments: readonly CommissionAdjustment[],
  maxPerCall = MAX_BOOKINGS_PER_CALL,
): readonly BookingGroup[] {
  const groups: BookingGroup[] = [];
  const open = new Map<string, BookingGroup>();
  adjustments.forEach(({ merchantId, affiliateId }, position) => {
    const key = affiliateKey(merchantId, affiliateId);
    let group = open.get(key);
    if (group === undefined || group.positions.length >= maxPerCall) {
      group = { merchantId, affiliateId, positions: [] };
      open.set(key, group);
      groups.push(group);
    }
    group.positions.push(position);
  });
  return groups;
}
