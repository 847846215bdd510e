import { OrderMachineError } from '../order-machine-error';
import { ORDER_STATUSES, type OrderState } from '../state/order-state';

/** A set, not the list: this check runs on every input. */
const STATUSES: ReadonlySet<string> = new Set(ORDER_STATUSES);

/**
 * A persisted state checked before the machine runs on it. The state is the machine's whole
 * context and its `status` the machine's state value (the machine keeps no history or child
 * actors), so it is exact: deciding from it equals deciding from the state never persisted.
 */
export function restoredState(state: OrderState): OrderState {
  if (!STATUSES.has(state.status))
    throw new OrderMachineError('invalid_state', `unknown order status ${String(state.status)}`);
  if (!Number.isSafeInteger(state.version) || state.version < 0)
    throw new OrderMachineError('invalid_state', `invalid version ${state.version}`);
  return state;
}
