import { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { urlHost, urlPort } from '../config/addresses';

/** A RESP array of bulk strings: how a client sends a command. */
export function encodeRedisCommand(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** The commands that check a Redis URL: AUTH when it carries credentials, then PING. */
export function redisPingCommands(url: URL): readonly (readonly string[])[] {
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const auth = password === '' ? [] : [user === '' ? ['AUTH', password] : ['AUTH', user, password]];
  return [...auth, ['PING']];
}

/**
 * True when the replies so far end in PONG, false on an error reply, undefined while more is
 * needed. Replies come in order, so PONG as the last line means every command before it passed.
 */
export function judgeRedisReplies(received: string): boolean | undefined {
  if (/^-/m.test(received)) return false;
  return /\+PONG\r\n$/.test(received) ? true : undefined;
}

/** True when the Redis at `url` answers PING (after AUTH from the URL, over TLS for rediss). */
export function redisAnswersPing(url: URL, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const host = urlHost(url);
    const port = urlPort(url);
    const socket: Socket =
      url.protocol === 'rediss:' ? tlsConnect({ host, port, servername: host }) : new Socket();
    let received = '';
    let settled = false;
    const done = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    // Something else on the port (an HTTP server, say) may answer and hang up: not Redis.
    socket.once('close', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const verdict = judgeRedisReplies(received);
      if (verdict !== undefined) done(verdict);
    });
    const send = (): void => {
      socket.write(redisPingCommands(url).map(encodeRedisCommand).join(''));
    };
    if (url.protocol === 'rediss:') socket.once('secureConnect', send);
    else socket.connect(port, host, send);
  });
}
