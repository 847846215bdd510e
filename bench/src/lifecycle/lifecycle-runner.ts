import { loadConfig } from '@clawback/config';
import { createLogger } from '@clawback/logging';
import { loadLifecycleSettings, startOrderLifecycle } from '@clawback/order-lifecycle';
import { countingLog } from '../pipeline/log-levels';
import { serviceCounters, type ServiceCounters } from '../pipeline/service-counters';
import type { RunningLoop } from './copy-loops';
import type { LoopRequest } from './loop-request';

/**
 * Starts the order-lifecycle service in this process, exactly as `npm run lifecycle` does but
 * with the run's topics, group and transactional ids.
 */
export async function startLifecycleLoop(
  request: LoopRequest,
): Promise<RunningLoop & { counters(): Promise<ServiceCounters>; errorLogLines(): number }> {
  const config = loadConfig(['kafka', 'schemaRegistry', 'redis'], request.env);
  const settings = {
    ...loadLifecycleSettings(request.env, request.topicPrefix),
    groupId: request.groupId,
    transactionalIdPrefix: request.transactionalIdPrefix,
    partitionConcurrency: request.concurrency,
    maxBatchBytes: request.maxBatchBytes,
  };
  const log = countingLog();
  const logger = createLogger({
    service: 'order-lifecycle',
    level: 'warn',
    destination: log.destination,
  });
  const running = await startOrderLifecycle({ config, settings, logger });
  return {
    joined: running.joined,
    stop: () => running.stop(),
    counters: () => serviceCounters(running.metrics.registry),
    errorLogLines: log.errorLines,
  };
}
