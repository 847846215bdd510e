import type { SnapshotFrom } from 'xstate';
import { OrderMachineError } from '../order-machine-error';
import { ORDER_STATUSES, type OrderState } from '../state/order-state';
import { orderMachine } from './order-machine';

/**
 * The machine snapshot of a persisted state. The state is the machine's whole context and its
 * `status` the machine's state value (the machine keeps no history or child actors), so this
 * is exact: deciding from the restored snapshot equals deciding from the one never persisted.
 */
export function restoreSnapshot(state: OrderState): SnapshotFrom<typeof orderMachine> {
  if (!(ORDER_STATUSES as readonly string[]).includes(state.status))
    throw new OrderMachineError('invalid_state', `unknown order status ${String(state.status)}`);
  if (!Number.isSafeInteger(state.version) || state.version < 0)
    throw new OrderMachineError('invalid_state', `invalid version ${state.version}`);
  return orderMachine.resolveState({ value: state.status, context: state });
}
