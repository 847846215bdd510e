import { topicNames } from '@clawback/kafka';
import { newRunId } from './demo-run';
import { runEnv, runGroups } from './run-names';

describe("a demo run's names", () => {
  const id = newRunId(new Date('2026-03-02T09:15:07.123Z'), 'a1b2');

  it('are derived from a time-ordered, random run id that is a valid topic prefix', () => {
    expect(id).toBe('demo-20260302-091507-a1b2');
    expect(topicNames(id).lifecycleEvents).toBe(
      'demo-20260302-091507-a1b2.orders.lifecycle.events',
    );
  });

  it('give every service its own groups, transactional ids and Redis keys under the run id', () => {
    const env = runEnv(id, '/tmp/merchants.json');
    const groups = runGroups(id);
    expect(env).toMatchObject({
      KAFKA_TOPIC_PREFIX: id,
      KAFKA_TRANSACTIONAL_ID_PREFIX: id,
      REDIS_KEY_PREFIX: `clawback:${id}:`,
      CLAWBACK_MERCHANTS_FILE: '/tmp/merchants.json',
      LIFECYCLE_GROUP_ID: groups.lifecycle,
      CANCELLATIONS_GROUP_ID: groups.cancellations,
      COMMISSIONS_GROUP_ID: groups.commissions,
    });
    expect(groups.commissionsLedger).toBe(`${id}-commission-reversals-ledger`);
    for (const value of [
      env.LIFECYCLE_TRANSACTIONAL_ID_PREFIX,
      env.CANCELLATIONS_TRANSACTIONAL_ID_PREFIX,
      env.COMMISSIONS_TRANSACTIONAL_ID_PREFIX,
    ]) {
      expect(value).toBe(id);
    }
  });
});
