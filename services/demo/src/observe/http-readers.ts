import type { CancellationWebhookBody } from '@clawback/subscription-cancellations';

/** An affiliate's balance in one currency, as commission-reversals' read API returns it. */
interface AffiliateBalance {
  readonly currency: string;
  readonly balance: number;
  readonly earned: number;
  readonly reversed: number;
  readonly reinstated: number;
}

/** The part of `GET /v1/affiliates/{merchantId}/{affiliateId}` the demo shows. */
export interface AffiliateLedger {
  readonly merchantId: string;
  readonly affiliateId: string;
  readonly balances: readonly AffiliateBalance[];
  readonly totalEntries: number;
}

/** The affiliate's ledger from the read API, or `undefined` while it has no entry (404). */
export async function fetchAffiliateLedger(
  readApiUrl: string,
  merchantId: string,
  affiliateId: string,
): Promise<AffiliateLedger | undefined> {
  const url = `${readApiUrl}/v1/affiliates/${encodeURIComponent(merchantId)}/${encodeURIComponent(affiliateId)}?limit=1`;
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as AffiliateLedger;
}

/** What the demo's webhook receiver booked. */
export interface ReceivedCancellations {
  readonly cancellations: readonly CancellationWebhookBody[];
  readonly refused: readonly string[];
  readonly deliveries: number;
}

/** Asks the demo's receiver what it has booked. */
export async function fetchReceivedCancellations(
  receiverUrl: string,
): Promise<ReceivedCancellations> {
  const response = await fetch(`${receiverUrl}/cancellations`);
  if (!response.ok) throw new Error(`the receiver answered ${response.status}`);
  return (await response.json()) as ReceivedCancellations;
}
