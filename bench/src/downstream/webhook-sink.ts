import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A merchant's webhook endpoint for the benchmark: answers every delivery 200 at once. */
export interface WebhookSink {
  readonly url: string;
  /** Deliveries received so far. */
  deliveries(): number;
  close(): Promise<void>;
}

/**
 * The third party of subscription-cancellations (a merchant's receiver), on a loopback port
 * of the parent process so the consumer measured does not pay for it. It reads each body and
 * answers `200 {}`: nothing to verify, as the bench measures the consumer, not the merchant.
 */
export async function startWebhookSink(): Promise<WebhookSink> {
  let deliveries = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      deliveries += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/cancel`,
    deliveries: () => deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
