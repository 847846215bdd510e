import { orderKeyOf } from '@clawback/notifications';
import { decodeOrderedForm } from '../form/ordered-form';
import type {
  AcceptedContext,
  IngressDecision,
  IngressRequest,
  NormalizeOptions,
  ProviderAdapter,
  RawNotification,
} from '../provider-adapter';
import { asBuffer, decideSafely, PLAIN_OK } from '../shared/ingress-decision';
import { kartraIpnFields, kartraIpnSecret } from './ipn-form';
import type { KartraFields } from './fields';
import { normalizeKartraTransaction } from './normalize';
import { kartraOutboundFields } from './outbound-json';
import { kartraOrderRef, parseKartraTransaction } from './parse';
import { redactKartraSecret } from './redact-secret';
import { kartraSignatureScheme } from './signature-scheme';
import { kartraSurfaceOf } from './surface';
import { unlessUnreadable } from '../shared/unless-unreadable';
import { type AuthenticityCheck, verifyUrlToken } from '../shared/verify-url-token';
import { verifyKartraIpnSecret } from './verify-signature';

/** Reads the transaction fields of a Kartra body from whichever surface sent it. */
function kartraFields(body: Uint8Array, contentType: string | undefined): KartraFields {
  return kartraSurfaceOf(body, contentType) === 'ipn'
    ? kartraIpnFields(decodeOrderedForm(body))
    : kartraOutboundFields(body);
}

function accepted(
  request: IngressRequest,
  fields: KartraFields,
  recordBody: Buffer,
): IngressDecision {
  const orderRef = kartraOrderRef(fields);
  const orderKey = orderKeyOf('kartra', request.merchantId, orderRef);
  const normalized = (context: AcceptedContext) =>
    normalizeKartraTransaction(
      request.merchantId,
      parseKartraTransaction(fields, context.currency),
      context.receivedAt,
    );
  return { outcome: 'accepted', orderRef, orderKey, recordBody, response: PLAIN_OK, normalized };
}

function rejected(check: AuthenticityCheck): IngressDecision | undefined {
  return check.valid ? undefined : { outcome: 'unauthenticated', reason: check.reason };
}

/** The Kartra adapter: IPN form (secret echo) and outbound-API JSON (URL token). */
export const kartraIpnAdapter: ProviderAdapter = {
  provider: 'kartra',

  accept(request: IngressRequest) {
    return decideSafely(() => {
      const body = asBuffer(request.body);
      if (kartraSurfaceOf(body, request.contentType) === 'outbound_api') {
        // The token comes first: unauthenticated callers learn nothing about the body.
        const check = verifyUrlToken(request.query, request.secrets.urlToken);
        return rejected(check) ?? accepted(request, kartraOutboundFields(body), body);
      }
      const form = decodeOrderedForm(body);
      const check = verifyKartraIpnSecret(kartraIpnSecret(form), request.secrets.secretKey);
      return rejected(check) ?? accepted(request, kartraIpnFields(form), redactKartraSecret(body));
    });
  },

  normalize(record: RawNotification, options?: NormalizeOptions) {
    const fields = kartraFields(record.body, record.contentType);
    const tx = parseKartraTransaction(fields, options?.currency);
    return normalizeKartraTransaction(record.merchantId, tx, record.receivedAt);
  },

  signatureScheme(record: RawNotification) {
    return unlessUnreadable(() => kartraSignatureScheme(record));
  },
};
