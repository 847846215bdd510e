import { topicCatalogue } from './topic-catalogue';
import { baseTopicNames, topicKeys, topicNames } from './topic-names';

describe('topicNames', () => {
  it('gives the contract names without a prefix', () => {
    expect(topicNames()).toEqual(baseTopicNames);
    expect(Object.values(topicNames())).toEqual([
      'payments.notifications.raw',
      'payments.notifications.dlq',
      'orders.lifecycle.events',
      'orders.lifecycle.state',
      'affiliates.commission.adjustments',
      'affiliates.commission.state',
      'subscriptions.cancellations',
      'subscriptions.cancellations.dlq',
      'subscriptions.cancellations.redrive',
    ]);
  });

  it('prefixes every name', () => {
    const names = topicNames('t-1a2b');
    for (const key of topicKeys) expect(names[key]).toBe(`t-1a2b.${baseTopicNames[key]}`);
  });

  it('refuses prefixes Kafka would refuse', () => {
    expect(() => topicNames('a b')).toThrow(RangeError);
    expect(() => topicNames('.hidden')).toThrow(RangeError);
  });
});

describe('topicCatalogue', () => {
  const catalogue = topicCatalogue({
    names: topicNames(),
    replicationFactor: 3,
    minInSyncReplicas: 2,
  });
  const byKey = Object.fromEntries(catalogue.map((topic) => [topic.key, topic]));

  it('has every topic once', () => {
    expect(catalogue.map((topic) => topic.key)).toEqual(topicKeys);
  });

  it('compacts the state topics and keeps the source of truth forever', () => {
    expect(byKey.lifecycleState!.configs['cleanup.policy']).toBe('compact');
    expect(byKey.commissionState!.configs['cleanup.policy']).toBe('compact');
    expect(byKey.notificationsRaw!.configs['cleanup.policy']).toBe('delete');
    expect(byKey.notificationsRaw!.configs['retention.ms']).toBe('-1');
  });

  it('co-partitions raw notifications, events and both state topics', () => {
    const counts = [
      byKey.notificationsRaw,
      byKey.lifecycleEvents,
      byKey.lifecycleState,
      byKey.commissionState,
    ].map((topic) => topic!.partitions);
    expect(new Set(counts).size).toBe(1);
  });

  it('applies replication settings to every topic', () => {
    for (const topic of catalogue) {
      expect(topic.replicationFactor).toBe(3);
      expect(topic.configs['min.insync.replicas']).toBe('2');
    }
  });

  it('lets tests override partitions and rejects impossible ISR settings', () => {
    const small = topicCatalogue({
      names: topicNames('t'),
      replicationFactor: 1,
      minInSyncReplicas: 1,
      partitions: 2,
    });
    expect(small.every((topic) => topic.partitions === 2)).toBe(true);
    expect(() =>
      topicCatalogue({ names: topicNames(), replicationFactor: 1, minInSyncReplicas: 2 }),
    ).toThrow(RangeError);
  });
});
