import type { FastifyReply } from 'fastify';
import { AdminError } from '../admin-error';

/** The JSON body of every error answer: a stable code and a sentence. */
export interface AdminErrorBody {
  readonly error: string;
  readonly message: string;
}

/** Sends `error` as `{ error, message }` with its status (503s carry `Retry-After`). */
export function sendAdminError(reply: FastifyReply, error: AdminError): FastifyReply {
  if (error.retriable) void reply.header('retry-after', '1');
  const body: AdminErrorBody = { error: error.code, message: error.message };
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

/** An error thrown by fastify itself (bad JSON, unsupported content type, …) as ours. */
export function frameworkError(error: { statusCode?: number; message: string }): AdminError {
  if (error instanceof AdminError) return error;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new AdminError('invalid_request', error.message);
  return new AdminError('internal_error', 'unexpected error', error);
}
