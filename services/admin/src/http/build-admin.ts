import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createHealthHandlers, registerHealthRoutes } from '@clawback/observability';
import { AdminError } from '../admin-error';
import { registerConsole } from '../console/register-console';
import { registerCaseMetrics } from '../metrics/case-metrics';
import { openApiDocument } from '../openapi/openapi-document';
import type { AdminDependencies } from './admin-app';
import { authorizeRequest } from './authorize';
import { registerCaseRoutes } from './case-routes';
import { registerDeadLetterRoutes } from './dead-letter-routes';
import { frameworkError, sendAdminError } from './error-reply';
import { registerOrderRoutes } from './order-routes';

/**
 * The admin HTTP app (docs/operations.md), not yet listening: bearer-token roles on `/v1/`,
 * `503 not_ready` until the projection caught up, every error as `{ error, message }`.
 */
export function buildAdmin(deps: AdminDependencies): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  registerCaseMetrics(deps.metrics, {
    cases: deps.projection.cases,
    caughtUp: deps.caughtUp,
    now: deps.now,
  });
  app.addHook('onRequest', authorizeRequest(deps.tokens));
  app.addHook('preHandler', (request, _reply, done) => {
    const waiting = request.url.startsWith('/v1/') && !deps.caughtUp();
    done(
      waiting
        ? new AdminError('not_ready', 'the projection is still reading the log; try again shortly')
        : undefined,
    );
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const adminError = frameworkError(error);
    if (adminError.code === 'internal_error') deps.logger.error({ err: error }, 'unexpected error');
    if (adminError.code === 'write_failed')
      deps.logger.warn({ err: error }, 'write to Kafka failed');
    return sendAdminError(reply, adminError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendAdminError(
      reply,
      new AdminError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
  registerHealthRoutes(
    app,
    createHealthHandlers({
      registry: deps.metrics,
      readiness: { projection: () => Promise.resolve(deps.caughtUp()) },
    }),
  );
  const document = JSON.stringify(openApiDocument());
  app.get('/openapi.json', (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(document),
  );
  registerOrderRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerDeadLetterRoutes(app, deps);
  registerConsole(app, deps, deps.console ?? { commissionsUrl: null, services: [] });
  return app;
}
