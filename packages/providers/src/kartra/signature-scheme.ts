import { decodeOrderedForm } from '../form/ordered-form';
import type { RawNotification } from '../provider-adapter';
import { kartraSurfaceOf } from './surface';

/**
 * What authenticated a stored Kartra record: the outbound-API JSON by its URL token
 * (`url-token`), the IPN form by the echoed secret (`secret-echo`; the stored value is
 * redacted, the field stays). `null` for an IPN form without the echo.
 */
export function kartraSignatureScheme(record: RawNotification): string | null {
  if (kartraSurfaceOf(record.body, record.contentType) === 'outbound_api') return 'url-token';
  return decodeOrderedForm(record.body).byKey.has('secret_key') ? 'secret-echo' : null;
}
