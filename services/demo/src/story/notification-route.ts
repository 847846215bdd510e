import type { FixtureBody } from '@clawback/providers';

/** Where a provider posts: `/v1/notifications/{provider}/{merchantId}{query}`. */
export interface NotificationRoute {
  readonly provider: '2checkout' | 'kartra' | 'click2sell';
  readonly merchantId: string;
  /** Kartra's outbound JSON carries the merchant's `?token=`. */
  readonly query?: string;
}

/** The ingress's answer. */
export interface IngressAnswer {
  readonly status: number;
  readonly body: string;
}

/** POSTs a provider body to the ingress exactly as the provider would. */
export async function postNotification(
  ingressUrl: string,
  route: NotificationRoute,
  fixture: FixtureBody,
): Promise<IngressAnswer> {
  const path = `/v1/notifications/${route.provider}/${route.merchantId}${route.query ?? ''}`;
  const response = await fetch(`${ingressUrl}${path}`, {
    method: 'POST',
    body: fixture.body,
    headers: { 'content-type': fixture.contentType },
  });
  return { status: response.status, body: await response.text() };
}
