import type { FastifyInstance } from 'fastify';
import { AdminError } from '../admin-error';
import type { AdminDependencies } from './admin-app';

/** `GET /v1/orders/{orderKey}`: the order's whole timeline. */
export function registerOrderRoutes(app: FastifyInstance, deps: AdminDependencies): void {
  app.get<{ Params: { orderKey: string } }>('/v1/orders/:orderKey', (request, reply) => {
    const { orderKey } = request.params;
    const entries = deps.projection.timelines.timeline(orderKey);
    if (entries === undefined)
      throw new AdminError('not_found', `nothing is known about ${orderKey}`);
    return reply.send({ orderKey, entries });
  });
}
