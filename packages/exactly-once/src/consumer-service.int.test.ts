import { ClawbackError } from '@clawback/errors';
import { createLogger } from '@clawback/logging';
import { createMetricsRegistry } from '@clawback/observability';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import { startConsumerService } from './consumer-service';

jest.setTimeout(120_000);

const logger = createLogger({ service: 'consumer-service-test', level: 'silent' });
let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext({ topics: ['lifecycleEvents'] });
});
afterEach(() => ctx.dispose());

/** A service whose `start` throws `failures` in turn, then answers how many starts it took. */
function serviceFailing(failures: readonly Error[]) {
  let starts = 0;
  return {
    config: ctx.config,
    settings: { transactionalIdPrefix: ctx.transactionalIdPrefix, transactionTimeoutMs: 10_000 },
    logger,
    redisKeyPrefix: ctx.redisKeyPrefix,
    name: 'start-retry',
    metricsRegistry: createMetricsRegistry({ service: 'start-retry', defaultMetrics: false }),
    writes: new Map<string, string>(),
    start: async ({ redis }: { redis: { ping(): Promise<string> } }) => {
      // Each start has real, connected clients of its own.
      await redis.ping();
      const failure = failures[starts++];
      if (failure) throw failure;
      return starts;
    },
  };
}

describe('startConsumerService (real Kafka and Redis)', () => {
  it('given a start that fails retriably (a leader moving), when started, then it starts again and runs', async () => {
    const moved = new ClawbackError('kafka_unavailable', 'not the leader', { retriable: true });
    const service = await startConsumerService(serviceFailing([moved, moved]));
    try {
      expect(service.own).toBe(3);
      expect(await service.readiness.redis()).toBe(true);
    } finally {
      await service.stop();
    }
  });

  it('given a start that fails for good (bad settings), when started, then it rejects at once', async () => {
    const invalid = new ClawbackError('settings_invalid', 'no such adapter', { retriable: false });
    const definition = serviceFailing([invalid]);
    await expect(startConsumerService(definition)).rejects.toBe(invalid);
  });
});
