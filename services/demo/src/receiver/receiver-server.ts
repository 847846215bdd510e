import { type Server, createServer } from 'node:http';
import { type ReceiverBook, emptyBook, receiveCancellation } from './receive-cancellation';

/** What `GET /cancellations` answers: the receiver's book, for the demo's tables. */
interface ReceiverReport {
  readonly cancellations: readonly unknown[];
  readonly refused: readonly string[];
  readonly deliveries: number;
}

/** The receiver's HTTP server, listening on `127.0.0.1:port`. */
export interface ReceiverServer {
  readonly book: ReceiverBook;
  close(): Promise<void>;
}

/**
 * The demo's stand-in for a merchant's endpoint: `POST` any path is a cancellation webhook,
 * `GET /cancellations` reports what was booked, `GET /healthz` says it is up. `onDelivery` is told
 * of every verified delivery (for the log).
 */
export async function startReceiverServer(
  port: number,
  secret: string,
  onDelivery: (status: number, body: string) => void,
): Promise<ReceiverServer> {
  const book = emptyBook();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'GET' && req.url === '/healthz') return json(200, { status: 'ok' });
      if (req.method === 'GET' && req.url === '/cancellations') {
        const report: ReceiverReport = {
          cancellations: [...book.cancellations.values()],
          refused: book.refused,
          deliveries: book.deliveries,
        };
        return json(200, report);
      }
      if (req.method !== 'POST') return json(405, { error: 'method not allowed' });
      const body = Buffer.concat(chunks);
      const header = req.headers['clawback-signature'];
      const status = receiveCancellation(
        book,
        secret,
        { body, signature: typeof header === 'string' ? header : undefined },
        Date.now,
      );
      onDelivery(status, body.toString('utf8'));
      return json(status, status === 200 ? { cancelled: true } : { error: 'refused' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    book,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Senders keep connections alive; a stopping receiver need not wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
