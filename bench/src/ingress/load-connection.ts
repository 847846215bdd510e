import { connect, type Socket } from 'node:net';
import { nowMs } from '../stats/stopwatch';

/** What all connections of a load run count together. */
export interface Tally {
  /** True inside the timed window: only then are answers counted and latencies kept. */
  measuring: boolean;
  ok: number;
  /** 200s of the whole run (the records the ingress acknowledged). */
  okAll: number;
  errors: number;
  readonly statusCodes: Record<string, number>;
  readonly latencies: number[];
}

/** One keep-alive connection of the load generator. */
export interface LoadConnection {
  /** Resolves true once no request is in flight, false if one still is after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
  close(): void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** The complete HTTP/1.1 request bytes of one POST, built once before timing. */
export function requestBytes(url: URL, contentType: string, body: Buffer): Buffer {
  const head =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n` +
    `content-type: ${contentType}\r\ncontent-length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/**
 * A socket that sends `nextRequest()` whenever the previous answer is complete (one request in
 * flight: closed loop) and reads answers with a minimal parser: status line and
 * `content-length` only, which is all the ingress sends. Reconnects after an error.
 */
export function loadConnection(
  url: URL,
  tally: Tally,
  nextRequest: () => Buffer | undefined,
): LoadConnection {
  let socket: Socket;
  let pending: Buffer = Buffer.alloc(0);
  let sentAt: number | undefined;
  let closed = false;
  let onIdle: (() => void) | undefined;

  const sendNext = (): void => {
    const bytes = closed ? undefined : nextRequest();
    if (bytes === undefined) {
      sentAt = undefined;
      onIdle?.();
      return;
    }
    sentAt = nowMs();
    socket.write(bytes);
  };
  const answered = (status: string): void => {
    if (status === '200') tally.okAll++;
    if (tally.measuring) {
      tally.latencies.push(nowMs() - sentAt!);
      tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1;
      if (status === '200') tally.ok++;
    }
    sendNext();
  };
  const read = (chunk: Buffer): void => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf(HEADER_END);
      if (end < 0) return;
      const head = pending.toString('latin1', 0, end);
      const length = CONTENT_LENGTH.exec(head);
      if (!length) {
        tally.errors++;
        socket.destroy();
        return;
      }
      const total = end + HEADER_END.length + Number(length[1]);
      if (pending.length < total) return;
      pending = pending.subarray(total);
      answered(head.slice(9, 12));
    }
  };
  const open = (): void => {
    pending = Buffer.alloc(0);
    socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    socket.on('connect', sendNext);
    socket.on('data', read);
    socket.on('error', () => {
      tally.errors++;
    });
    socket.on('close', () => {
      if (closed) return;
      sentAt = undefined;
      setTimeout(open, 10);
    });
  };
  open();
  return {
    idle: (timeoutMs) =>
      sentAt === undefined
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            onIdle = () => {
              clearTimeout(timer);
              resolve(true);
            };
          }),
    close: () => {
      closed = true;
      socket.destroy();
    },
  };
}
