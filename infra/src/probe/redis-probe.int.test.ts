import { type AddressInfo, type Server, createServer } from 'node:net';
import { redisAnswersPing } from './redis-probe';

/** A loopback TCP server that answers every connection with `reply` and hangs up. */
async function replyingServer(reply: string): Promise<Server> {
  const server = createServer((socket) => {
    socket.once('data', () => socket.end(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const urlOf = (server: Server): URL =>
  new URL(`redis://127.0.0.1:${(server.address() as AddressInfo).port}`);

describe('redisAnswersPing', () => {
  it('answers true for the real Redis at REDIS_URL', async () => {
    const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    await expect(redisAnswersPing(url)).resolves.toBe(true);
  });

  it('answers false, promptly, for another server that replies and hangs up', async () => {
    const server = await replyingServer('HTTP/1.1 400 Bad Request\r\n\r\n');
    try {
      // The probe's own timeout is longer than the test's: only the hang-up may end it.
      await expect(redisAnswersPing(urlOf(server), 60_000)).resolves.toBe(false);
    } finally {
      server.close();
    }
  }, 10_000);

  it('answers false for an error reply', async () => {
    const server = await replyingServer('-NOAUTH Authentication required.\r\n');
    try {
      await expect(redisAnswersPing(urlOf(server))).resolves.toBe(false);
    } finally {
      server.close();
    }
  });
});
