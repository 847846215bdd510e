import { createServer, type Server } from 'node:net';

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function close(server: Server): Promise<void> {
  return new Promise((resolveClose) => server.close(() => resolveClose()));
}

/**
 * `count` distinct TCP ports that were free on 127.0.0.1 a moment ago (the OS picks them).
 * Every port stays bound until all are chosen: two `freePort()` calls in a row may be handed
 * the same port once the first is closed, which made a broker's listener and controller
 * share one port. Another process may still take a port before the caller binds it.
 */
export async function freePorts(count: number): Promise<readonly number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listenOnAnyPort());
    return servers.map(portOf);
  } finally {
    await Promise.all(servers.map(close));
  }
}

/**
 * A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it), so tests and demo runs
 * never collide with each other. Another process may still take it before the caller binds.
 * Use {@link freePorts} when one caller needs several.
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port ?? 0;
}
