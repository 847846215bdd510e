/** Where a provider posts: `/v1/notifications/{provider}/{merchantId}{query}`. */
export interface NotificationRoute<Provider extends string = string> {
  readonly provider: Provider;
  readonly merchantId: string;
  /** E.g. Kartra's `?token=…` for its outbound JSON. */
  readonly query?: string;
}

/** A provider's request body as sent (`FixtureBody` of `@clawback/providers` fits). */
export interface NotificationBody {
  readonly body: Buffer;
  readonly contentType: string;
}

/** The ingress's answer to one notification. */
export interface IngressAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * POSTs a provider body to the ingress at `ingressUrl` exactly as the provider would; used by
 * end-to-end tests and the demo's story.
 */
export async function postNotification(
  ingressUrl: string,
  route: NotificationRoute,
  notification: NotificationBody,
): Promise<IngressAnswer> {
  const path = `/v1/notifications/${route.provider}/${route.merchantId}${route.query ?? ''}`;
  const response = await fetch(`${ingressUrl}${path}`, {
    method: 'POST',
    body: notification.body,
    headers: { 'content-type': notification.contentType },
  });
  return { status: response.status, body: await response.text() };
}
