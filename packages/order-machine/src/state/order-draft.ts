import type { OrderState } from './order-state';

declare const DRAFT: unique symbol;

/**
 * A state an applier has just copied and so owns: its fields may be written in place until it
 * is returned, which saves a copy of the whole state per changed field group (ADR 0015). The
 * brand exists only in types: a plain {@link OrderState} (the caller's, never to be changed)
 * cannot be passed where a draft is expected.
 */
export type OrderDraft = { -readonly [K in keyof OrderState]: OrderState[K] } & {
  readonly [DRAFT]: true;
};

/** A fresh copy of `state` to write in place: same keys, same order. */
export function draftOf(state: OrderState): OrderDraft {
  return { ...state } as OrderDraft;
}
