import { createLogger } from '@clawback/logging';
import type { Redis } from '@clawback/redis';
import { createTestContext, type TestContext, waitFor } from '@clawback/test-harness';
import { createCommissionMetrics } from '../metrics/commission-metrics';
import { LedgerAudit } from './ledger-audit';
import { LedgerStore } from './ledger-store';
import { watchGeneration } from './watch-generation';

let ctx: TestContext;
let redis: Redis;
let stop: () => void = () => undefined;
beforeEach(async () => {
  ctx = await createTestContext({ topics: [] });
  redis = await ctx.redis();
});
afterEach(async () => {
  stop();
  await ctx.dispose();
});

/** Watches `store` every 50 ms, counting the reopens it asks for. */
function watch(store: LedgerStore) {
  let reopens = 0;
  stop = watchGeneration({
    store,
    audit: new LedgerAudit(redis),
    intervalMs: 50,
    onLost: () => {
      reopens++;
      return Promise.resolve();
    },
    logger: createLogger({ service: 'watch-generation-test', level: 'silent' }),
    metrics: createCommissionMetrics(),
  });
  return { reopens: () => reopens };
}

describe('ledger generation watchdog (real Redis)', () => {
  it('given one partition reopened into the new generation after its loss while another, idle, still holds the old one, then every task is reopened', async () => {
    const store = new LedgerStore(redis);
    const old = await store.generation();
    store.hold(old); // partition 0
    store.hold(old); // partition 1, caught up: nothing new will make it write again
    // Partition 0's booking finds a loss: it abandons the generation and reopens at once,
    // before the watchdog's next check.
    await store.abandon(old);
    store.release(old);
    const next = await store.generation();
    expect(next).not.toBe(old);
    store.hold(next);
    const watched = watch(store);

    await waitFor(() => watched.reopens() > 0, {
      timeoutMs: 10_000,
      intervalMs: 20,
      description: 'the watchdog to reopen the task still on the abandoned generation',
    });
    expect(await store.staleGenerations()).toEqual([old]);
    // The new generation is the one the tasks reopen into: the watchdog did not replace it.
    expect(await store.generation()).toBe(next);
  });
});
