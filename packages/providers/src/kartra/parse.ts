import { missingField } from '../form/form-fields';
import { currencyOf, integerOf, signedMinorUnits } from '../shared/amounts';
import { orderRefOf } from '../shared/order-ref';
import { kartraDateToUtc } from './eastern-time';
import type { KartraFields, KartraTransaction } from './fields';

/** Kartra sends no currency; merchants selling in another one say so in the merchants file. */
const KARTRA_DEFAULT_CURRENCY = 'USD';

function isZero(id: string | undefined): boolean {
  return id === undefined || /^0+$/.test(id);
}

/** The order reference: `transaction_parent_id` when non-zero, else `transaction_id`. */
export function kartraOrderRef(fields: KartraFields): string {
  if (!isZero(fields.transactionParentId))
    return orderRefOf(fields.transactionParentId!, 'transaction_parent_id');
  if (fields.transactionId === undefined) throw missingField('transaction_id');
  return orderRefOf(fields.transactionId, 'transaction_id');
}

/** Types the fields of either Kartra surface; `currency` is the merchant's (default USD). */
export function parseKartraTransaction(
  fields: KartraFields,
  currency: string = KARTRA_DEFAULT_CURRENCY,
): KartraTransaction {
  const orderRef = kartraOrderRef(fields);
  if (fields.transactionId === undefined) throw missingField('transaction_id');
  const eventField = fields.surface === 'ipn' ? 'transaction_type' : 'action';
  if (fields.event === undefined) throw missingField(eventField);
  const code = currencyOf(currency, 'currency option');
  const subscription = fields.internalSubscriptionId;
  return {
    surface: fields.surface,
    event: fields.event,
    orderRef,
    transactionId: fields.transactionId,
    amount:
      fields.fullAmount === undefined
        ? undefined
        : signedMinorUnits(fields.fullAmount, code, 'transaction_full_amount'),
    currency: code,
    quantity:
      fields.quantity === undefined
        ? undefined
        : integerOf(fields.quantity, 'transaction_quantity'),
    occurredAt: fields.date === undefined ? undefined : kartraDateToUtc(fields.date),
    affiliate: fields.affiliate,
    productId: fields.productId,
    productName: fields.productName,
    internalSubscriptionId: isZero(subscription) ? undefined : subscription,
  };
}
