import { type IngressRequest, type TwoCheckoutAlgorithm } from '@clawback/providers';
import {
  click2sellNotification,
  kartraIpn,
  kartraOutboundJson,
  twoCheckoutIpn,
  type FixtureBody,
} from '@clawback/providers/testing';
import type { ProviderName } from '@clawback/notifications';
import { seededRandom } from '../synthetic/seeded-random';
import { orderStory } from '../synthetic/order-story';
import { twoCheckoutInputOf } from '../synthetic/twocheckout-story';

/** The secrets every synthetic body is signed with. */
export const SECRETS = { secretKey: 'bench-secret-key', urlToken: 'bench-url-token' } as const;

/** One provider surface (and, for 2Checkout, signature scheme) with its bodies. */
export interface AdapterCase {
  readonly name: string;
  readonly provider: ProviderName;
  readonly bodies: readonly FixtureBody[];
  /** The query string the ingress would pass (Kartra's JSON surface reads `token`). */
  readonly query: Readonly<Record<string, string>>;
  /**
   * The merchant's secrets for the case: {@link SECRETS}, plus for SHA-256 and MD5 the
   * `minimumSignature` a merchant must set to accept them (ADR 0011).
   */
  readonly secrets: IngressRequest['secrets'];
  /** What the bare baseline does to a body: parse and check authenticity, nothing else. */
  readonly baseline:
    | 'form+hmac-sha3-256'
    | 'form+hmac-sha256'
    | 'form+hmac-md5'
    | 'form+compare'
    | 'json+compare'
    | 'form+md5';
}

const KARTRA_TYPES = ['sale', 'partial_refund', 'refund', 'chargeback'] as const;
const KARTRA_ACTIONS = ['buy_product', 'partial_refund_product', 'refund_product'] as const;

function twoCheckoutBodies(count: number, algorithm: TwoCheckoutAlgorithm | 'all'): FixtureBody[] {
  const random = seededRandom(2);
  return Array.from({ length: count }, (_, i) => {
    const story = orderStory(i, 10, random);
    const input = twoCheckoutInputOf(story, i % story.steps.length, String(7_000_000 + i));
    return twoCheckoutIpn(input, { secretKey: SECRETS.secretKey, algorithm });
  });
}

function amount(i: number): string {
  return `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}`;
}

/** Every case, `count` distinct bodies each (mixed sales, refunds and disputes). */
export function adapterCases(count: number): readonly AdapterCase[] {
  const scheme = (
    algorithm: TwoCheckoutAlgorithm | 'all',
    baseline: AdapterCase['baseline'],
  ): AdapterCase => ({
    name: `2checkout ${algorithm === 'all' ? 'all three signatures' : algorithm}`,
    provider: '2checkout',
    bodies: twoCheckoutBodies(count, algorithm),
    query: {},
    secrets: algorithm === 'all' ? SECRETS : { ...SECRETS, minimumSignature: algorithm },
    baseline,
  });
  const range = Array.from({ length: count }, (_, i) => i);
  return [
    scheme('sha3-256', 'form+hmac-sha3-256'),
    scheme('sha256', 'form+hmac-sha256'),
    scheme('md5', 'form+hmac-md5'),
    scheme('all', 'form+hmac-sha3-256'),
    {
      name: 'kartra IPN form',
      provider: 'kartra',
      bodies: range.map((i) =>
        kartraIpn(
          {
            transactionId: String(900_000 + i),
            type: KARTRA_TYPES[i % KARTRA_TYPES.length]!,
            parentId: i % KARTRA_TYPES.length === 0 ? '0' : String(800_000 + i),
            amount: amount(i),
          },
          SECRETS,
        ),
      ),
      query: {},
      secrets: SECRETS,
      baseline: 'form+compare',
    },
    {
      name: 'kartra outbound JSON',
      provider: 'kartra',
      bodies: range.map((i) =>
        kartraOutboundJson({
          action: KARTRA_ACTIONS[i % KARTRA_ACTIONS.length]!,
          transactionId: String(900_000 + i),
          date: '2026-01-31 09:30:00',
          amount: amount(i),
        }),
      ),
      query: { token: SECRETS.urlToken },
      secrets: SECRETS,
      baseline: 'json+compare',
    },
    {
      name: 'click2sell',
      provider: 'click2sell',
      bodies: range.map((i) =>
        click2sellNotification(
          {
            c2sTransactionId: String(600_000 + i),
            transactionType: i % 3 === 2 ? 'Refund' : 'Sale',
            price: `${amount(i)} EUR`,
          },
          SECRETS,
        ),
      ),
      // Click2Sell's checksum is backed by the merchant's URL token (ADR 0011).
      query: { token: SECRETS.urlToken },
      secrets: SECRETS,
      baseline: 'form+md5',
    },
  ];
}
