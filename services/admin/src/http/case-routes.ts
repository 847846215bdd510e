import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AdminError } from '../admin-error';
import type { CaseFilter } from '../cases/case-book';
import { planResolution } from '../commands/plan-resolution';
import { parseResolutionRequest } from '../commands/resolution-request';
import type { AdminDependencies } from './admin-app';
import { principalOf } from './authorize';
import { caseView } from './views';

const STATUSES = ['open', 'resolved', 'dismissed'] as const;

function filterOf(query: Record<string, unknown>): CaseFilter {
  const text = (name: string) => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new AdminError('invalid_request', `${name} must be given once`);
    return value;
  };
  const status = text('status');
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    throw new AdminError('invalid_request', `status must be one of ${STATUSES.join(', ')}`);
  return {
    ...(text('reason') !== undefined && { reason: text('reason') }),
    ...(text('merchant') !== undefined && { merchant: text('merchant') }),
    ...(status !== undefined && { status: status as CaseFilter['status'] }),
    ...(text('orderKey') !== undefined && { orderKey: text('orderKey') }),
  };
}

/** `GET /v1/cases`, `GET /v1/cases/{caseId}`, `POST /v1/cases/{caseId}/resolutions`. */
export function registerCaseRoutes(app: FastifyInstance, deps: AdminDependencies): void {
  const { projection } = deps;
  const newCommandId = deps.newCommandId ?? (() => `op-${randomUUID()}`);
  const caseOf = (caseId: string) => {
    const found = projection.cases.get(caseId);
    if (found === undefined) throw new AdminError('not_found', `no case ${caseId}`);
    return found;
  };

  app.get<{ Querystring: Record<string, unknown> }>('/v1/cases', (request, reply) =>
    reply.send({ cases: projection.cases.list(filterOf(request.query)).map(caseView) }),
  );

  app.get<{ Params: { caseId: string } }>('/v1/cases/:caseId', (request, reply) =>
    reply.send(caseView(caseOf(request.params.caseId))),
  );

  app.post<{ Params: { caseId: string } }>(
    '/v1/cases/:caseId/resolutions',
    async (request, reply) => {
      const { operatorId } = principalOf(request);
      const found = caseOf(request.params.caseId);
      const resolution = parseResolutionRequest(request.body);
      const plan = planResolution({
        case: found,
        request: resolution,
        operatorId,
        subject: projection.subjectOf(found),
        nowMs: deps.now(),
        newCommandId,
      });
      await deps.writer.write(plan.records.map((value) => ({ value })));
      deps.logger.info(
        {
          caseId: found.caseId,
          commandId: plan.commandId,
          resolution: resolution.resolution,
          operatorId,
        },
        'operator command written',
      );
      return reply
        .status(202)
        .send({ commandId: plan.commandId, caseId: found.caseId, orderKey: plan.orderKey });
    },
  );
}
