import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { IngressError } from '../errors/ingress-error';
import type { ErrorBody } from './error-reply';

/** What node reports when it rejects a request before fastify sees it. */
interface ClientError {
  readonly code?: string;
}

/** Our stable error for a request node's HTTP parser refused. */
function clientErrorOf(error: ClientError): IngressError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new IngressError('headers_too_large', 'the request line and headers are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new IngressError('request_timeout', 'the request did not arrive in time');
    default:
      return new IngressError('bad_request', 'the request is not valid HTTP/1.1');
  }
}

/**
 * fastify's `clientErrorHandler`: answers requests node's parser refused (broken framing,
 * oversized headers, timeouts) in the same `{ error: { code, message } }` shape as every other
 * answer, never echoing the input, then closes the connection, whose framing is lost.
 */
export function answerClientError(error: Error & ClientError, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const ingressError = clientErrorOf(error);
    const body: ErrorBody = { error: { code: ingressError.code, message: ingressError.message } };
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${ingressError.status} ${STATUS_CODES[ingressError.status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
