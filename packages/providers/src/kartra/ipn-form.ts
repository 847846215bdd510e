import { formText } from '../form/form-fields';
import type { OrderedForm } from '../form/ordered-form';
import { kartraValue, type KartraFields } from './fields';

function field(form: OrderedForm, key: string): string | undefined {
  return kartraValue(formText(form, key));
}

/** Reads the transaction fields of a Kartra IPN form. */
export function kartraIpnFields(form: OrderedForm): KartraFields {
  return {
    surface: 'ipn',
    event: field(form, 'transaction_type')?.toLowerCase(),
    transactionId: field(form, 'transaction_id'),
    transactionParentId: field(form, 'transaction_parent_id'),
    fullAmount: field(form, 'transaction_full_amount'),
    quantity: field(form, 'transaction_quantity'),
    date: field(form, 'transaction_date'),
    affiliate: field(form, 'transaction_affiliate'),
    productId: field(form, 'product_id'),
    productName: field(form, 'product_name'),
    internalSubscriptionId: field(form, 'transaction_internal_subscription_id'),
  };
}

/** The IPN's plain-text `secret_key` echo (`undefined` when absent or `N/A`). */
export function kartraIpnSecret(form: OrderedForm): string | undefined {
  return field(form, 'secret_key');
}
