// Generators shared by the property tests (test support only; not exported by the package).
import fc from 'fast-check';
import type { FormField } from '../form/ordered-form';
import type { FormPair } from '../fixtures/form-body';

/** Field names any of the three adapters reads, plus a few hostile ones. */
const KNOWN_KEYS = [
  'REFNO',
  'ORDERSTATUS',
  'CURRENCY',
  'IPN_TOTALGENERAL',
  'IPN_DATE',
  'REFUND_TYPE',
  'FRAUD_STATUS',
  'CHARGEBACK_RESOLUTION',
  'CHARGEBACK_REASON_CODE',
  'MESSAGE_ID',
  'TEST_ORDER',
  'AFFILIATE_CODE',
  'IPN_PID[]',
  'IPN_PNAME[]',
  'IPN_QTY[]',
  'IPN_PRICE[]',
  'IPN_TOTAL[]',
  'IPN_LICENSE_REF[]',
  'transaction_id',
  'transaction_parent_id',
  'transaction_type',
  'transaction_full_amount',
  'transaction_quantity',
  'transaction_date',
  'transaction_affiliate',
  'product_id',
  'product_name',
  'transaction_internal_subscription_id',
  'c2s_transaction_id',
  'acquirer_transaction_id',
  'purchase_date',
  'purchase_time',
  'payment_status',
  'subscription_status',
  'product_price',
  'affiliate_username',
  '__proto__',
  'constructor',
];

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));

/** Values that look like what providers send, and values that almost do. */
export const providerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '',
    '0',
    'N/A',
    'COMPLETE',
    'REFUND',
    'REVERSED',
    'PENDING',
    'FULL',
    'PARTIAL',
    'DENIED',
    'OPEN',
    'WON',
    'NONE',
    'USD',
    'JPY',
    'usd',
    'XXX',
    'sale',
    'refund',
    'partial_refund',
    'chargeback',
    'Sale',
    'Refund',
    'Subscription',
    'Cancel',
    'Failed',
    'constructor',
    '__proto__',
  ),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), twoDigits).map(([a, b]) => `${a}.${b}`),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(9999))
    .map(([a, b]) => `${a}.${b} USD`),
  // Dates in every provider format (and in the wrong ones for the others).
  fc.tuple(fc.integer({ min: 0, max: 4102444800000 }), fc.nat(3)).map(([ms, format]) => {
    const iso = new Date(ms).toISOString();
    const formats = [
      iso.slice(0, 10),
      `${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
      iso.slice(11, 19),
      iso.slice(0, 19).replace(/\D/g, ''),
    ];
    return formats[format]!;
  }),
);

/** Form pairs mixing known and random keys with provider-like values. */
export const formPairs: fc.Arbitrary<FormPair[]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 6 })), providerValue),
  { maxLength: 30 },
);

/** Percent-encodes every byte, so any decoded byte sequence can be written back exactly. */
function encodeBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

/** Writes decoded fields back as a form body (array values repeated under their key). */
export function encodeFields(fields: readonly FormField[]): Buffer {
  const segments = fields.flatMap((field) =>
    field.values.map(
      (value) => `${encodeBytes(Buffer.from(field.key, 'utf8'))}=${encodeBytes(value.bytes)}`,
    ),
  );
  return Buffer.from(segments.join('&'), 'ascii');
}

/** Content types a sender might use, including wrong ones. */
export const contentType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=UTF-8',
    'application/json',
    '',
    'text/plain',
    'multipart/form-data; boundary=x',
  ),
  fc.string({ maxLength: 20 }),
);

/** One edit of a realistic field list: replace a value, drop a field, or add one. */
type Edit =
  | { readonly op: 'replace'; readonly at: number; readonly value: string }
  | { readonly op: 'drop'; readonly at: number }
  | { readonly op: 'add'; readonly pair: FormPair };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      at: fc.nat(),
      value: providerValue,
    }),
  },
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('add' as const),
    pair: fc.tuple(fc.constantFrom(...KNOWN_KEYS), providerValue),
  }),
);

/** A realistic field list with a few values replaced, fields dropped or fields added. */
export function editedPairs(base: readonly FormPair[]): fc.Arbitrary<FormPair[]> {
  return fc.array(edit, { maxLength: 4 }).map((edits) => {
    const pairs = [...base];
    for (const e of edits) {
      if (e.op === 'add') pairs.push(e.pair);
      else if (pairs.length > 0) {
        const at = e.at % pairs.length;
        if (e.op === 'drop') pairs.splice(at, 1);
        else pairs[at] = [pairs[at]![0], e.value];
      }
    }
    return pairs;
  });
}
