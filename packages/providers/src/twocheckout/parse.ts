import { formTexts, optionalText, requiredText } from '../form/form-fields';
import type { OrderedForm } from '../form/ordered-form';
import { ProvidersError } from '../providers-error';
import { currencyOf, integerOf, signedMinorUnits } from '../shared/amounts';
import { orderRefOf } from '../shared/order-ref';
import { ipnDateToUtc } from './ipn-date';
import type { TwoCheckoutIpn, TwoCheckoutLine } from './fields';

/** The order reference (`REFNO`) of an IPN: all the ingress needs to key the record. */
export function twoCheckoutOrderRef(form: OrderedForm): string {
  return orderRefOf(requiredText(form, 'REFNO'), 'REFNO');
}

/** Values of an optional per-line array, which must have one value per `IPN_PID[]`. */
function lineColumn(
  form: OrderedForm,
  key: string,
  lineCount: number,
): readonly string[] | undefined {
  const values = formTexts(form, key);
  if (values.length === 0) return undefined;
  if (values.length !== lineCount) {
    throw new ProvidersError(
      'invalid_field',
      `${key} has ${values.length} values for ${lineCount} products`,
      { field: key },
    );
  }
  return values;
}

function optionalAmount(
  text: string | undefined,
  currency: string,
  field: string,
): number | undefined {
  const trimmed = text?.trim();
  return trimmed ? signedMinorUnits(trimmed, currency, field) : undefined;
}

function parseLines(form: OrderedForm, currency: string): readonly TwoCheckoutLine[] {
  const ids = formTexts(form, 'IPN_PID[]');
  const names = lineColumn(form, 'IPN_PNAME[]', ids.length);
  const quantities = lineColumn(form, 'IPN_QTY[]', ids.length);
  const prices = lineColumn(form, 'IPN_PRICE[]', ids.length);
  const totals = lineColumn(form, 'IPN_TOTAL[]', ids.length);
  return ids.map((productId, i) => {
    const quantity = quantities?.[i]?.trim();
    return {
      productId: productId.trim(),
      name: names?.[i] ?? '',
      quantity: quantity ? integerOf(quantity, 'IPN_QTY[]') : 0,
      unitPrice: optionalAmount(prices?.[i], currency, 'IPN_PRICE[]'),
      total: optionalAmount(totals?.[i], currency, 'IPN_TOTAL[]'),
    };
  });
}

function uniqueNonBlank(values: readonly string[]): readonly string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Reads the typed fields of a (verified) IPN form; throws `ProvidersError` on bad fields. */
export function parseTwoCheckoutIpn(form: OrderedForm): TwoCheckoutIpn {
  const refNo = twoCheckoutOrderRef(form);
  const currency = currencyOf(requiredText(form, 'CURRENCY'), 'CURRENCY');
  const ipnDate = requiredText(form, 'IPN_DATE');
  return {
    refNo,
    refNoExt: optionalText(form, 'REFNOEXT'),
    orderStatus: requiredText(form, 'ORDERSTATUS').toUpperCase(),
    fraudStatus: optionalText(form, 'FRAUD_STATUS')?.toUpperCase(),
    refundType: optionalText(form, 'REFUND_TYPE')?.toUpperCase(),
    chargebackResolution: optionalText(form, 'CHARGEBACK_RESOLUTION')?.toUpperCase(),
    chargebackReasonCode: optionalText(form, 'CHARGEBACK_REASON_CODE'),
    currency,
    totalGeneral: signedMinorUnits(
      requiredText(form, 'IPN_TOTALGENERAL'),
      currency,
      'IPN_TOTALGENERAL',
    ),
    lines: parseLines(form, currency),
    licenseRefs: uniqueNonBlank(formTexts(form, 'IPN_LICENSE_REF[]')),
    ipnDate,
    occurredAt: ipnDateToUtc(ipnDate),
    messageId: optionalText(form, 'MESSAGE_ID'),
    affiliateCode: optionalText(form, 'AFFILIATE_CODE'),
    testOrder: optionalText(form, 'TEST_ORDER') === '1',
  };
}
