import { isRetriable } from '@clawback/errors';
import type { Redis } from '@clawback/redis';
import type { FastifyInstance } from 'fastify';
import { CommissionError } from '../commission-error';
import { readLedger, type PageRequest } from '../ledger/read-ledger';

/** Default and largest page size of the read API. */
const PAGE_LIMITS = { default: 100, max: 1000 } as const;

/**
 * The page a query asks for: `cursor` (entry index, default 0) and `limit` (1 to 1000, default
 * 100), both whole numbers.
 *
 * @throws CommissionError `invalid_arguments` naming the parameter.
 */
export function pageRequestOf(query: Readonly<Record<string, unknown>>): PageRequest {
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const value = query[name];
    if (value === undefined || value === '') return fallback;
    const parsed = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= min && parsed <= max)) {
      throw new CommissionError(
        'invalid_arguments',
        `${name} must be a whole number from ${min} to ${max}`,
      );
    }
    return parsed;
  };
  return {
    cursor: number('cursor', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: number('limit', PAGE_LIMITS.default, 1, PAGE_LIMITS.max),
  };
}

const problem = (code: string, message: string) => ({ error: { code, message } });

/**
 * `GET /v1/affiliates/{merchantId}/{affiliateId}?cursor=&limit=`: the affiliate's balances per
 * currency and a page of ledger entries, oldest first (see docs/commission-reversals.md).
 * 400 for a bad query, 404 when the (intact) ledger has no entry for the affiliate, 503
 * `ledger_rebuilding` when keys of the ledger were lost and it is projected again, 503
 * `ledger_unavailable` when Redis cannot be read.
 */
export function registerLedgerRoute(
  app: FastifyInstance,
  redis: Redis,
  onError: (error: unknown) => void,
): void {
  app.get<{
    Params: { merchantId: string; affiliateId: string };
    Querystring: Record<string, unknown>;
  }>('/v1/affiliates/:merchantId/:affiliateId', async (request, reply) => {
    const { merchantId, affiliateId } = request.params;
    let page: PageRequest;
    try {
      page = pageRequestOf(request.query);
    } catch (error) {
      return reply.code(400).send(problem('invalid_arguments', (error as Error).message));
    }
    try {
      const ledger = await readLedger(redis, merchantId, affiliateId, page);
      if (ledger === undefined) {
        return reply
          .code(404)
          .send(problem('affiliate_not_found', `no ledger entry for ${merchantId}:${affiliateId}`));
      }
      return reply.code(200).send(ledger);
    } catch (error) {
      if (error instanceof CommissionError && error.code === 'ledger_rebuilding') {
        // Lost keys are never answered as "no entries": the caller retries after the rebuild.
        return reply.code(503).send(problem('ledger_rebuilding', error.message));
      }
      onError(error);
      const unavailable = isRetriable(error);
      return reply
        .code(unavailable ? 503 : 500)
        .send(
          unavailable
            ? problem('ledger_unavailable', 'the ledger cannot be read right now')
            : problem('internal_error', 'the ledger could not be read'),
        );
    }
  });
}
