import {
  type AvroCommissionAdjustment,
  type CommissionAdjustment,
  fromAvroAdjustment,
} from '@clawback/commission-reversals';
import type { LifecycleEvent } from '@clawback/order-machine';
import { waitFor } from '@clawback/test-harness';
import type { Pipeline } from './pipeline';
import { decodeLifecycleEvents, decodeValues, keyed, waitForGroupToCatchUp } from './topic-readers';

/** Waits until the order has at least `count` lifecycle events, and returns all of them. */
export async function eventsOfOrder(
  pipeline: Pipeline,
  orderKey: string,
  count: number,
): Promise<LifecycleEvent[]> {
  const { context, registry } = pipeline;
  const records = await context.readAll(context.topics.lifecycleEvents, {
    until: (all) => keyed(all, orderKey).length >= count,
    timeoutMs: 120_000,
  });
  return decodeLifecycleEvents(registry, keyed(records, orderKey));
}

async function adjustmentsNow(pipeline: Pipeline, orderKey: string) {
  const { context, registry } = pipeline;
  const records = await context.readAll(context.topics.commissionAdjustments, {
    timeoutMs: 30_000,
  });
  return (await decodeValues<AvroCommissionAdjustment>(registry, records))
    .map((value) => fromAvroAdjustment(value)!)
    .filter((adjustment) => adjustment.orderKey === orderKey);
}

/**
 * The order's commission adjustments once there are at least `count` and commission-reversals
 * has processed every lifecycle event written so far (so none is still on its way).
 */
export async function adjustmentsOfOrder(
  pipeline: Pipeline,
  orderKey: string,
  count: number,
): Promise<CommissionAdjustment[]> {
  await waitFor(async () => (await adjustmentsNow(pipeline, orderKey)).length >= count, {
    timeoutMs: 120_000,
    intervalMs: 300,
    description: `${count} commission adjustments of ${orderKey}`,
  });
  const { context, env } = pipeline;
  await waitForGroupToCatchUp(context, env.COMMISSIONS_GROUP_ID!, context.topics.lifecycleEvents);
  return adjustmentsNow(pipeline, orderKey);
}

/** `[type, reason, amount, reversedTotal]`: what a reversal test asserts of an adjustment. */
export const adjustmentRow = (a: CommissionAdjustment) => [
  a.type,
  a.reason,
  a.amount,
  a.reversedTotal,
];
