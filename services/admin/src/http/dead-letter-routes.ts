import type { FastifyInstance } from 'fastify';
import { AdminError } from '../admin-error';
import { planRedrive } from '../commands/plan-redrive';
import { objectBody, reasonOf } from '../commands/resolution-request';
import type { AdminDependencies } from './admin-app';
import { principalOf } from './authorize';
import { deadLetterView } from './views';

const QUEUES = ['raw', 'cancellations'] as const;

/** `GET /v1/dead-letters`, `GET /v1/dead-letters/{id}`, `POST /v1/dead-letters/{id}/redrive`. */
export function registerDeadLetterRoutes(app: FastifyInstance, deps: AdminDependencies): void {
  const { cases } = deps.projection;
  const deadLetterOf = (id: string) => {
    const found = cases.deadLetter(id);
    if (found === undefined) throw new AdminError('not_found', `no dead letter ${id}`);
    return found;
  };

  app.get<{ Querystring: { queue?: unknown } }>('/v1/dead-letters', (request, reply) => {
    const queue = request.query.queue;
    if (queue !== undefined && !(QUEUES as readonly unknown[]).includes(queue))
      throw new AdminError('invalid_request', `queue must be one of ${QUEUES.join(', ')}`);
    const list = cases.listDeadLetters(queue as (typeof QUEUES)[number] | undefined);
    return reply.send({ deadLetters: list.map(deadLetterView) });
  });

  app.get<{ Params: { id: string } }>('/v1/dead-letters/:id', (request, reply) =>
    reply.send(deadLetterView(deadLetterOf(request.params.id))),
  );

  app.post<{ Params: { id: string } }>('/v1/dead-letters/:id/redrive', async (request, reply) => {
    const { operatorId } = principalOf(request);
    const found = deadLetterOf(request.params.id);
    const reason = reasonOf(objectBody(request.body));
    const [written] = await deps.writer.write([planRedrive(found, operatorId, reason)]);
    // Raw redrives keep their id; cancellation redrives sit on a topic of their own (ADR 0019).
    const topic = found.queue === 'raw' ? '' : 'cancellations-';
    const redriveId = `redrive-${topic}${written!.partition}-${written!.offset}`;
    deps.logger.info({ deadLetterId: found.id, redriveId, operatorId }, 'dead letter re-driven');
    return reply.status(202).send({ redriveId, deadLetterId: found.id });
  });
}
