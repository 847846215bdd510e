import fc from 'fast-check';
import { PROVIDERS, type CanonicalNotification, type ProviderName } from '@clawback/notifications';
import { adapterFor, normalizeAccepted, normalizeWithAdapter } from './adapter-for';
import { click2sellChecksum } from './click2sell/verify-signature';
import { encodeForm, type FormPair } from './fixtures/form-body';
import { signTwoCheckoutPairs } from './fixtures/twocheckout-ipn';
import type { IngressRequest } from './provider-adapter';
import { ProvidersError } from './providers-error';
import { decodeOrderedForm } from './form/ordered-form';
import { click2sellPairs } from './fixtures/click2sell-notification';
import { kartraIpnPairs } from './fixtures/kartra-ipn';
import { twoCheckoutIpn } from './fixtures/twocheckout-ipn';
import { contentType, editedPairs, formPairs, providerValue } from './testing/arbitraries';

const SECRET = 'property-secret';

/** Arbitrary pairs, authenticated for `provider` so the adapter reads past its check. */
function authenticated(provider: ProviderName, sent: FormPair[]): Buffer {
  // A repeated scalar key is refused before any check; keep one so the body gets past it.
  const seen = new Set<string>();
  const pairs = sent.filter(([key]) => key.endsWith('[]') || (!seen.has(key) && seen.add(key)));
  if (provider === '2checkout') return signTwoCheckoutPairs(pairs, { secretKey: SECRET });
  if (provider === 'kartra') return encodeForm([...pairs, ['secret_key', SECRET]]);
  const acquirer = pairs.find(([k]) => k === 'acquirer_transaction_id')?.[1] ?? '';
  return encodeForm([
    ...pairs,
    ['checksum', click2sellChecksum(SECRET, Buffer.from(acquirer, 'utf8'))],
  ]);
}

/** The unsigned field list of a realistic notification of each provider and kind. */
function realisticPairs(provider: ProviderName, kind: number): FormPair[] {
  if (provider === 'kartra') {
    const types = [
      'sale',
      'refund',
      'partial_refund',
      'chargeback',
      'failed',
      'cancellation',
      'rebill',
    ];
    return kartraIpnPairs(
      { transactionId: '900', parentId: kind % 2 ? '800' : '0', type: types[kind % types.length] },
      SECRET,
    ).filter(([k]) => k !== 'secret_key');
  }
  if (provider === 'click2sell') {
    const types = ['Sale', 'Refund', 'Subscription'];
    return click2sellPairs(
      {
        c2sTransactionId: '555',
        transactionType: types[kind % types.length],
        subscriptionStatus: kind > 5 ? 'Cancel' : undefined,
      },
      SECRET,
    ).filter(([k]) => k !== 'checksum');
  }
  const statuses = [
    'COMPLETE',
    'REFUND',
    'REVERSED',
    'PENDING',
    'CANCELED',
    'PAYMENT_RECEIVED',
    'SUSPECT',
  ];
  const { body } = twoCheckoutIpn(
    {
      refno: '211153389',
      status: statuses[kind % statuses.length],
      refundType: kind > 3 ? 'PARTIAL' : '',
      chargebackResolution: kind === 6 ? 'OPEN' : 'NONE',
    },
    { secretKey: SECRET },
  );
  return decodeOrderedForm(body)
    .fields.filter((f) => !['HASH', 'SIGNATURE_SHA2_256', 'SIGNATURE_SHA3_256'].includes(f.key))
    .flatMap((f) => f.values.map((v): FormPair => [f.key, v.text]));
}

const kartraJson: fc.Arbitrary<Buffer> = fc
  .record({
    action: fc.oneof(
      providerValue,
      fc.constantFrom('buy_product', 'refund_product', 'cancel_subscription'),
    ),
    details: fc.dictionary(
      fc.constantFrom(
        'transaction_id',
        'transaction_parent_id',
        'transaction_full_amount',
        'transaction_date',
        'transaction_quantity',
        'product_id',
      ),
      fc.oneof(providerValue, fc.jsonValue({ maxDepth: 1 })),
    ),
  })
  .map(({ action, details }) =>
    Buffer.from(
      JSON.stringify({ lead: {}, action, action_details: { transaction_details: details } }),
    ),
  );

const body: fc.Arbitrary<{ provider: ProviderName; body: Uint8Array }> = fc.oneof(
  fc.record({ provider: fc.constantFrom(...PROVIDERS), body: fc.uint8Array({ maxLength: 200 }) }),
  fc.record({ provider: fc.constantFrom(...PROVIDERS), body: formPairs.map(encodeForm) }),
  fc
    .tuple(fc.constantFrom(...PROVIDERS), formPairs)
    .map(([provider, pairs]) => ({ provider, body: authenticated(provider, pairs) })),
  fc.tuple(fc.constantFrom(...PROVIDERS), fc.nat(7)).chain(([provider, kind]) =>
    editedPairs(realisticPairs(provider, kind)).map((pairs) => ({
      provider,
      body: authenticated(provider, pairs),
    })),
  ),
  fc.record({ provider: fc.constant<ProviderName>('kartra'), body: kartraJson }),
  fc.record({
    provider: fc.constant<ProviderName>('kartra'),
    body: fc.json().map((t) => Buffer.from(t)),
  }),
);

const KINDS = [
  'payment_pending',
  'payment_completed',
  'refund',
  'chargeback_opened',
  'chargeback_won',
  'chargeback_lost',
  'payment_denied',
  'subscription_ended',
  'unsupported',
];

function expectWellFormed(n: CanonicalNotification): void {
  expect(KINDS).toContain(n.kind);
  expect(n.refundScope === undefined).toBe(n.kind !== 'refund');
  expect(n.notificationId).toMatch(new RegExp(`^${n.provider}:[0-9a-f]{32}$`));
  expect(Number.isSafeInteger(n.amount) && n.amount >= 0).toBe(true);
  expect(n.currency).toMatch(/^[A-Z]{3}$/);
  expect(n.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(n.orderKey).toBe(`${n.provider}:${n.merchantId}:${n.orderRef}`);
  for (const line of n.lines) {
    expect(Number.isSafeInteger(line.amount) && line.amount >= 0).toBe(true);
    expect(Number.isSafeInteger(line.quantity) && line.quantity >= 0).toBe(true);
  }
}

describe('arbitrary bodies', () => {
  it('never make accept() throw, and an accepted record normalizes under the same key', () => {
    fc.assert(
      fc.property(
        body,
        contentType,
        fc.constantFrom<unknown>(undefined, SECRET, ['a']),
        (input, type, token) => {
          const request: IngressRequest = {
            merchantId: 'm1',
            body: input.body,
            contentType: type,
            query: { token },
            secrets: { secretKey: SECRET, urlToken: SECRET },
            now: () => 0,
          };
          const adapter = adapterFor(input.provider);
          const decision = adapter.accept(request);
          expect(['accepted', 'malformed', 'unauthenticated']).toContain(decision.outcome);
          if (decision.outcome === 'malformed')
            expect(decision.error).toBeInstanceOf(ProvidersError);
          if (decision.outcome !== 'accepted') return;
          // The lifecycle must find the stored record's notification under the ingress's key.
          const stored = { merchantId: 'm1', body: decision.recordBody, contentType: type };
          let normalized: CanonicalNotification | undefined;
          try {
            normalized = adapter.normalize({ ...stored, receivedAt: '2026-01-01T00:00:00Z' });
          } catch {
            normalized = undefined;
          }
          if (normalized) expect(normalized.orderKey).toBe(decision.orderKey);
        },
      ),
    );
  });

  it('give an accepted decision the notification normalize() reads from the stored record', () => {
    const outcome = (read: () => CanonicalNotification) => {
      try {
        return { notification: read() };
      } catch (error) {
        expect(error).toBeInstanceOf(ProvidersError);
        return { code: (error as ProvidersError).code };
      }
    };
    fc.assert(
      fc.property(
        body,
        contentType,
        fc.constantFrom(undefined, 'EUR'),
        fc.constantFrom(undefined, '2026-01-01T00:00:00Z'),
        (input, type, currency, receivedAt) => {
          const adapter = adapterFor(input.provider);
          const decision = adapter.accept({
            merchantId: 'm1',
            body: input.body,
            contentType: type,
            query: { token: SECRET },
            secrets: { secretKey: SECRET, urlToken: SECRET },
            now: () => 0,
          });
          if (decision.outcome !== 'accepted') return;
          const stored = { merchantId: 'm1', body: decision.recordBody, contentType: type };
          const options = currency === undefined ? {} : { currency };
          const context = receivedAt === undefined ? options : { ...options, receivedAt };
          expect(outcome(() => decision.normalized(context))).toEqual(
            outcome(() => adapter.normalize({ ...stored, ...context }, options)),
          );
          expect(outcome(() => normalizeAccepted(decision, context))).toEqual(
            outcome(() => normalizeWithAdapter(adapter, { ...stored, ...context }, options)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('make normalize() either return a well-formed notification or throw a ProvidersError', () => {
    fc.assert(
      fc.property(body, contentType, (input, type) => {
        let result: CanonicalNotification;
        try {
          result = adapterFor(input.provider).normalize({
            merchantId: 'm1',
            body: input.body,
            contentType: type,
          });
        } catch (error) {
          expect(error).toBeInstanceOf(ProvidersError);
          return;
        }
        expectWellFormed(result);
      }),
      { numRuns: 300 },
    );
  });
});
