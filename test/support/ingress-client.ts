import type { FixtureBody } from '@clawback/providers';

/** The ingress's answer to one notification. */
export interface IngressAnswer {
  readonly status: number;
  readonly body: string;
}

/** Where a notification goes: `/v1/notifications/{provider}/{merchantId}{query}`. */
export interface NotificationRoute {
  readonly provider: string;
  readonly merchantId: string;
  /** E.g. Kartra's `?token=…` for its outbound JSON. */
  readonly query?: string;
}

/** POSTs a provider body to `{ingressUrl}/v1/notifications/{provider}/{merchantId}{query}`. */
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
