import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminError } from '../admin-error';
import { authenticate, type Principal, type TokenEntry } from '../auth/tokens';
import { sendAdminError } from './error-reply';

const principals = new WeakMap<FastifyRequest, Principal>();

/** The authenticated caller of a `/v1/` request (set by {@link authorizeRequest}). */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (principal === undefined) throw new AdminError('unauthorized', 'no bearer token');
  return principal;
}

/**
 * The `onRequest` hook of `/v1/`: a known bearer token (401 otherwise), and the operator role
 * for anything but reads (403 for a viewer). Health, metrics and the OpenAPI document are open.
 */
export function authorizeRequest(tokens: readonly TokenEntry[]) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    if (!request.url.startsWith('/v1/')) return undefined;
    const principal = authenticate(request.headers.authorization, tokens);
    if (principal === null) {
      void reply.header('www-authenticate', 'Bearer');
      await sendAdminError(
        reply,
        new AdminError(
          'unauthorized',
          'a valid bearer token is required (Authorization: Bearer …)',
        ),
      );
      return reply;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && principal.role !== 'operator') {
      await sendAdminError(
        reply,
        new AdminError(
          'forbidden',
          `${principal.operatorId} is a viewer; resolving needs the operator role`,
        ),
      );
      return reply;
    }
    principals.set(request, principal);
    return undefined;
  };
}
