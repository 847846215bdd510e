import { createLogger } from '@clawback/logging';
import { countingLog } from '../pipeline/log-levels';
import { startCommissionReversalsFromEnv } from '@clawback/commission-reversals';
import { startSubscriptionCancellationsFromEnv } from '@clawback/subscription-cancellations';
import type { RunningLoop } from '../lifecycle/copy-loops';
import type { LoopRequest } from '../lifecycle/loop-request';
import { serviceCounters, type ServiceCounters } from '../pipeline/service-counters';

/** The loop kinds that are downstream consumers of `orders.lifecycle.events`. */
export type DownstreamKind = 'commission-reversals' | 'subscription-cancellations';

/** True for a downstream consumer's kind. */
export const isDownstream = (kind: LoopRequest['kind']): kind is DownstreamKind =>
  kind === 'commission-reversals' || kind === 'subscription-cancellations';

/**
 * Starts a downstream consumer in this process from its environment, as `npm run commissions`
 * or `npm run cancellations` does, with the run's group and transactional ids, its own
 * defaults otherwise (the request's concurrency and fetch size are the baselines' only).
 */
export async function startDownstreamLoop(
  kind: DownstreamKind,
  request: LoopRequest,
): Promise<RunningLoop & { counters(): Promise<ServiceCounters>; errorLogLines(): number }> {
  const log = countingLog();
  const logger = createLogger({ service: kind, level: 'warn', destination: log.destination });
  const prefix = kind === 'commission-reversals' ? 'COMMISSIONS' : 'CANCELLATIONS';
  const env = {
    ...request.env,
    [`${prefix}_GROUP_ID`]: request.groupId,
    [`${prefix}_TRANSACTIONAL_ID_PREFIX`]: request.transactionalIdPrefix,
    // Any free port: the read API and health routes are not measured.
    OBSERVABILITY_PORT: '0',
  };
  const { service } =
    kind === 'commission-reversals'
      ? await startCommissionReversalsFromEnv(env, { logger })
      : await startSubscriptionCancellationsFromEnv(env, { logger });
  return {
    joined: service.joined,
    stop: () => service.stop(),
    counters: () => serviceCounters(service.metrics.registry),
    errorLogLines: log.errorLines,
  };
}
