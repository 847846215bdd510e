import { orderKeyOf } from '@clawback/notifications';
import { decodeOrderedForm, type OrderedForm } from '../form/ordered-form';
import type { IngressRequest, ProviderAdapter, RawNotification } from '../provider-adapter';
import { requireFormContentType } from '../shared/content-type';
import { asBuffer, decideSafely } from '../shared/ingress-decision';
import { normalizeTwoCheckoutIpn } from './normalize';
import { parseTwoCheckoutIpn, twoCheckoutOrderRef } from './parse';
import { unlessUnreadable } from '../shared/unless-unreadable';
import { twoCheckoutSignatureScheme } from './signature-scheme';
import { receiptDate, twoCheckoutReadReceipt } from './read-receipt';
import { isTwoCheckoutAlgorithm, verifyTwoCheckoutSignature } from './verify-signature';

/** Decodes a 2Checkout IPN body (form-encoded, received order kept). */
function decodeTwoCheckoutIpn(body: Uint8Array, contentType: string | undefined): OrderedForm {
  requireFormContentType(contentType);
  return decodeOrderedForm(body);
}

/** The 2Checkout IPN adapter. */
export const twoCheckoutIpnAdapter: ProviderAdapter = {
  provider: '2checkout',

  accept(request: IngressRequest) {
    return decideSafely(() => {
      const form = decodeTwoCheckoutIpn(request.body, request.contentType);
      if (request.secrets.secretKey === '')
        return { outcome: 'unauthenticated', reason: 'secret_not_configured' };
      const { minimumSignature } = request.secrets;
      const minimum = isTwoCheckoutAlgorithm(minimumSignature) ? minimumSignature : 'sha3-256';
      const check = verifyTwoCheckoutSignature(form, request.secrets.secretKey, minimum);
      if (!check.valid) return { outcome: 'unauthenticated', reason: check.reason };
      const orderRef = twoCheckoutOrderRef(form);
      const date = receiptDate(request.now());
      return {
        outcome: 'accepted',
        orderRef,
        orderKey: orderKeyOf('2checkout', request.merchantId, orderRef),
        recordBody: asBuffer(request.body),
        response: {
          contentType: 'text/html; charset=utf-8',
          body: twoCheckoutReadReceipt(form, request.secrets.secretKey, check.algorithm, date),
        },
        normalized: () => normalizeTwoCheckoutIpn(request.merchantId, parseTwoCheckoutIpn(form)),
      };
    });
  },

  normalize(record: RawNotification) {
    const form = decodeTwoCheckoutIpn(record.body, record.contentType);
    return normalizeTwoCheckoutIpn(record.merchantId, parseTwoCheckoutIpn(form));
  },

  signatureScheme(record: RawNotification) {
    return unlessUnreadable(() =>
      twoCheckoutSignatureScheme(decodeTwoCheckoutIpn(record.body, record.contentType)),
    );
  },
};
