import { ProvidersError } from '../providers-error';
import type { OrderedForm } from './ordered-form';

/** The (first) value of `key`, or `undefined` when absent. */
export function formText(form: OrderedForm, key: string): string | undefined {
  return form.byKey.get(key)?.values[0]?.text;
}

/** Every value of an array key (`IPN_PID[]`), in received order; empty when absent. */
export function formTexts(form: OrderedForm, key: string): readonly string[] {
  return form.byKey.get(key)?.values.map((value) => value.text) ?? [];
}

/** The value of `key`, trimmed, or `undefined` when absent or blank. */
export function optionalText(form: OrderedForm, key: string): string | undefined {
  const value = formText(form, key)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The trimmed value of `key`; `missing_field` when absent or blank. */
export function requiredText(form: OrderedForm, key: string): string {
  const value = optionalText(form, key);
  if (value === undefined) throw missingField(key);
  return value;
}

/** The `missing_field` error for `field`. */
export function missingField(field: string): ProvidersError {
  return new ProvidersError('missing_field', `required field "${field}" is missing or empty`, {
    field,
  });
}
