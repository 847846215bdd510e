import { startReceiverServer } from './receiver-server';

/**
 * The demo's webhook receiver as a process of its own, so it outlives the demo when the
 * services are kept running: `DEMO_RECEIVER_PORT`, `DEMO_WEBHOOK_SECRET`. One log line per
 * delivery; SIGTERM closes it.
 */
async function main(): Promise<void> {
  const port = Number(process.env.DEMO_RECEIVER_PORT);
  const secret = process.env.DEMO_WEBHOOK_SECRET ?? '';
  if (!Number.isInteger(port) || port <= 0 || secret === '') {
    process.stderr.write('receiver: DEMO_RECEIVER_PORT and DEMO_WEBHOOK_SECRET are required\n');
    process.exit(1);
  }
  const server = await startReceiverServer(port, secret, (status, body) =>
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), status, body })}\n`),
  );
  process.stdout.write(`receiver listening on http://127.0.0.1:${port}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
