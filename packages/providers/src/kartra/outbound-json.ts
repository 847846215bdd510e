import { ProvidersError } from '../providers-error';
import { asBuffer } from '../shared/ingress-decision';
import { parseJsonNumbersAsText } from './json-numbers-as-text';
import { kartraValue, type KartraFields } from './fields';

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(object: JsonObject, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return kartraValue(value);
  if (typeof value === 'boolean') return String(value);
  throw new ProvidersError('invalid_field', `${path}.${key} is not a scalar`, {
    field: `${path}.${key}`,
  });
}

/**
 * Reads Kartra's outbound-API JSON (`{lead, action, action_details}`); the transaction sits
 * in `action_details.transaction_details`. Bytes that are not a JSON object are
 * `malformed_body`.
 */
export function kartraOutboundFields(body: Uint8Array): KartraFields {
  const json = parseJsonNumbersAsText(asBuffer(body).toString('utf8'));
  if (!isObject(json)) throw new ProvidersError('malformed_body', 'the JSON body is not an object');
  const details = isObject(json.action_details) ? json.action_details : {};
  const tx = isObject(details.transaction_details) ? details.transaction_details : {};
  const path = 'action_details.transaction_details';
  return {
    surface: 'outbound_api',
    event: scalar(json, 'action', '$')?.toLowerCase(),
    transactionId: scalar(tx, 'transaction_id', path),
    transactionParentId: scalar(tx, 'transaction_parent_id', path),
    fullAmount: scalar(tx, 'transaction_full_amount', path),
    quantity: scalar(tx, 'transaction_quantity', path),
    date: scalar(tx, 'transaction_date', path),
    affiliate: scalar(tx, 'transaction_affiliate', path),
    productId: scalar(tx, 'product_id', path) ?? scalar(details, 'product_id', 'action_details'),
    productName:
      scalar(tx, 'product_name', path) ?? scalar(details, 'product_name', 'action_details'),
    internalSubscriptionId: scalar(tx, 'transaction_internal_subscription_id', path),
  };
}
