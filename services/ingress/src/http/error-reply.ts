import type { FastifyReply } from 'fastify';
import type { IngressError } from '../errors/ingress-error';

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/**
 * Sends `error` as `{ error: { code, message } }` with its status; 503s carry `Retry-After`
 * so providers that honour it come back when Kafka may be up again.
 */
export function sendError(
  reply: FastifyReply,
  error: IngressError,
  retryAfterSeconds: number,
): FastifyReply {
  if (error.retriable) void reply.header('retry-after', String(retryAfterSeconds));
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}
