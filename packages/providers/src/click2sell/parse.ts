import { optionalText, requiredText } from '../form/form-fields';
import type { OrderedForm } from '../form/ordered-form';
import { ProvidersError } from '../providers-error';
import { currencyOf, signedMinorUnits } from '../shared/amounts';
import { orderRefOf } from '../shared/order-ref';
import { fixedOffsetToUtc, invalidDate, wallTimeOf } from '../shared/wall-time';
import type { Click2SellNotification } from './fields';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})$/;
const PRICE = /^(\S+)\s+(\S+)$/;

/** The order reference (`c2s_transaction_id`): all the ingress needs to key the record. */
export function click2sellOrderRef(form: OrderedForm): string {
  return orderRefOf(requiredText(form, 'c2s_transaction_id'), 'c2s_transaction_id');
}

/** `product_price` ("12.34 USD") → amount and currency. */
function priceOf(text: string): { amount: number; currency: string } {
  const match = PRICE.exec(text);
  if (!match) {
    throw new ProvidersError('invalid_amount', `product_price: "${text}" is not "amount CUR"`, {
      field: 'product_price',
    });
  }
  const currency = currencyOf(match[2]!, 'product_price');
  return { amount: signedMinorUnits(match[1]!, currency, 'product_price'), currency };
}

/** Purchase date and time, read as UTC: Click2Sell documents no zone (inferred). */
function occurredAtOf(date: string, time: string | undefined): string {
  const dateMatch = DATE.exec(date);
  if (!dateMatch) throw invalidDate('purchase_date', date);
  const timeMatch = time === undefined ? undefined : TIME.exec(time);
  if (time !== undefined && !timeMatch) throw invalidDate('purchase_time', time);
  const parts = [...dateMatch.slice(1), ...(timeMatch?.slice(1) ?? [])];
  return fixedOffsetToUtc(wallTimeOf(parts, 'purchase_date', `${date} ${time ?? ''}`), 0);
}

/** Reads the typed fields of a (verified) Click2Sell form; throws `ProvidersError`. */
export function parseClick2SellNotification(form: OrderedForm): Click2SellNotification {
  const c2sTransactionId = click2sellOrderRef(form);
  const priceText = optionalText(form, 'product_price');
  const price = priceText === undefined ? undefined : priceOf(priceText);
  const purchaseDate = requiredText(form, 'purchase_date');
  const purchaseTime = optionalText(form, 'purchase_time');
  return {
    c2sTransactionId,
    acquirerTransactionId: optionalText(form, 'acquirer_transaction_id'),
    transactionType: requiredText(form, 'transaction_type').toLowerCase(),
    paymentStatus: optionalText(form, 'payment_status')?.toLowerCase(),
    subscriptionStatus: optionalText(form, 'subscription_status')?.toLowerCase(),
    amount: price?.amount,
    currency: price?.currency,
    purchaseDate,
    purchaseTime,
    occurredAt: occurredAtOf(purchaseDate, purchaseTime),
    productId: optionalText(form, 'product_id'),
    productName: optionalText(form, 'product_name'),
    affiliateUsername: optionalText(form, 'affiliate_username'),
  };
}
