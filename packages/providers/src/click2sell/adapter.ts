import { orderKeyOf } from '@clawback/notifications';
import { decodeOrderedForm, type OrderedForm } from '../form/ordered-form';
import type { IngressRequest, ProviderAdapter, RawNotification } from '../provider-adapter';
import { requireFormContentType } from '../shared/content-type';
import { asBuffer, decideSafely, PLAIN_OK } from '../shared/ingress-decision';
import { verifyClick2SellChecksum } from './verify-signature';
import { normalizeClick2SellNotification } from './normalize';
import { verifyClick2SellUrlToken } from './verify-url-token';
import { unlessUnreadable } from '../shared/unless-unreadable';
import { click2sellSignatureScheme } from './signature-scheme';
import { click2sellOrderRef, parseClick2SellNotification } from './parse';

/** Decodes a Click2Sell body (form-encoded, decoded once: no second `urldecode`). */
function decodeClick2SellNotification(
  body: Uint8Array,
  contentType: string | undefined,
): OrderedForm {
  requireFormContentType(contentType);
  return decodeOrderedForm(body);
}

/** The Click2Sell adapter. */
export const click2sellIpnAdapter: ProviderAdapter = {
  provider: 'click2sell',

  accept(request: IngressRequest) {
    return decideSafely(() => {
      // The token comes first: unauthenticated callers learn nothing about the body.
      const token = verifyClick2SellUrlToken(request.query, request.secrets);
      if (!token.valid) return { outcome: 'unauthenticated', reason: token.reason };
      const form = decodeClick2SellNotification(request.body, request.contentType);
      const check = verifyClick2SellChecksum(form, request.secrets.secretKey);
      if (!check.valid) return { outcome: 'unauthenticated', reason: check.reason };
      const orderRef = click2sellOrderRef(form);
      return {
        outcome: 'accepted',
        orderRef,
        orderKey: orderKeyOf('click2sell', request.merchantId, orderRef),
        recordBody: asBuffer(request.body),
        response: PLAIN_OK,
        normalized: () =>
          normalizeClick2SellNotification(request.merchantId, parseClick2SellNotification(form)),
      };
    });
  },

  normalize(record: RawNotification) {
    const form = decodeClick2SellNotification(record.body, record.contentType);
    return normalizeClick2SellNotification(record.merchantId, parseClick2SellNotification(form));
  },

  signatureScheme(record: RawNotification) {
    return unlessUnreadable(() =>
      click2sellSignatureScheme(decodeClick2SellNotification(record.body, record.contentType)),
    );
  },
};
