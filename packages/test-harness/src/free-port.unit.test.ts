import { createServer } from 'node:net';
import { freePort, freePorts } from './free-port';

describe('freePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolveListen);
    });
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  });
});

describe('freePorts', () => {
  it('returns distinct ports, each bindable once they are handed out', async () => {
    const ports = await freePorts(8);
    expect(new Set(ports).size).toBe(8);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });
});
