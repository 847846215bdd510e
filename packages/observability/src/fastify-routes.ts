import type { HealthHandlers, HttpAnswer } from './health-handlers';

/** The part of a fastify reply the routes use. */
interface ReplyLike {
  code(status: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: string): unknown;
}

/** The part of a fastify instance the routes use: any app fits, whatever its logger or server types. */
export interface RouteHost {
  get(path: string, handler: (request: unknown, reply: ReplyLike) => Promise<unknown>): unknown;
}

/** The paths {@link registerHealthRoutes} serves. */
export const HEALTH_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

const reply = (answer: HttpAnswer, to: ReplyLike): unknown =>
  to.code(answer.status).header('content-type', answer.contentType).send(answer.body);

/**
 * Mounts the same `/healthz`, `/readyz` and `/metrics` handlers on a fastify app, so the
 * ingress answers exactly like the other services: `registerHealthRoutes(app, handlers)`.
 */
export function registerHealthRoutes(app: RouteHost, handlers: HealthHandlers): void {
  app.get('/healthz', async (_request, to) => reply(await handlers.healthz(), to));
  app.get('/readyz', async (_request, to) => reply(await handlers.readyz(), to));
  app.get('/metrics', async (_request, to) => reply(await handlers.metrics(), to));
}
