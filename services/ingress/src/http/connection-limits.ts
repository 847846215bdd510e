import type { Server, Socket } from 'node:net';

/** Limits on the connections a server holds open. */
export interface ConnectionLimits {
  /** Open connections allowed from one source address. */
  readonly perSource: number;
  /** Open connections allowed in all; 0 means no global limit. */
  readonly total: number;
}

/**
 * Destroys a new socket at once when its source address already holds `perSource` open
 * connections (or the server `total`), before node parses a byte of it: a client holding
 * sockets open slowly must not use up the file descriptors other providers need.
 */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  // node's own global cap: sockets over it are closed on accept.
  if (limits.total > 0) server.maxConnections = limits.total;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const source = socket.remoteAddress ?? 'unknown';
    const count = open.get(source) ?? 0;
    if (count >= limits.perSource) {
      socket.destroy();
      return;
    }
    open.set(source, count + 1);
    socket.once('close', () => {
      const left = (open.get(source) ?? 1) - 1;
      if (left <= 0) open.delete(source);
      else open.set(source, left);
    });
  });
}
