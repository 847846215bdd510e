const ingressError = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/IngressError' } } },
});

/** The ingress's notification endpoint (services/ingress, DESIGN.md "Public HTTP contract"). */
export const INGRESS_PATHS = {
  '/v1/notifications/{provider}/{merchantId}': {
    servers: [{ url: 'http://127.0.0.1:3000', description: 'the ingress (INGRESS_PORT)' }],
    post: {
      tags: ['ingress'],
      summary: 'A payment provider’s notification (IPN / webhook)',
      description:
        'Verified (signature, secret or URL token per provider), then written to payments.notifications.raw with acks from all in-sync replicas before 200 is answered. Never 200 for something not written.',
      parameters: [
        {
          name: 'provider',
          in: 'path',
          required: true,
          schema: { enum: ['2checkout', 'kartra', 'click2sell'] },
        },
        { name: 'merchantId', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'token',
          in: 'query',
          required: false,
          description: 'Kartra’s outbound-API JSON surface: the merchant’s URL token.',
          schema: { type: 'string' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': { schema: { type: 'string' } },
          'application/json': { schema: { type: 'object' } },
        },
      },
      responses: {
        '200': {
          description:
            'Written to Kafka (or a duplicate already written). 2Checkout: the signed read receipt (`<EPAYMENT>…`, text/html); others: `OK`.',
          content: {
            'text/html': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        '400': ingressError(
          'Malformed body (a verified notification is accepted whatever its date says, ADR 0020).',
        ),
        '401': ingressError('Signature or secret mismatch; nothing published.'),
        '403': ingressError('The source address is not allowed for the merchant.'),
        '404': ingressError('Unknown provider or merchant.'),
        '409': ingressError('A Click2Sell checksum reused for other money (`checksum_reused`).'),
        '413': ingressError('Body over the limit.'),
        '503': ingressError('Kafka unavailable or shutting down; `Retry-After` is set.'),
      },
    },
  },
};
