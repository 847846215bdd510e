import { loadConfig } from '@clawback/config';
import { createKafkaClient, deleteTopics, topicKeys, topicNames } from '@clawback/kafka';
import { AvroRegistry, loadSchemaFiles } from '@clawback/schema-registry';
import { uniqueTestId } from '@clawback/test-harness';
import { ConfigResourceTypes } from '@clawback/kafka';
import { provisionAll } from './provision-all';

describe('provisionAll (real broker and registry)', () => {
  const prefix = uniqueTestId();
  const base = loadConfig(['kafka', 'schemaRegistry'], process.env);
  const kafkaConfig = { ...base.kafka, topicPrefix: prefix };
  const names = topicNames(prefix);
  const admin = createKafkaClient(kafkaConfig).admin();

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await deleteTopics(admin, Object.values(names));
    await admin.disconnect();
  });

  it('creates every topic, registers every schema, and changes nothing the second time', async () => {
    const first = await provisionAll({ kafka: kafkaConfig, schemaRegistry: base.schemaRegistry });
    expect(first.filter((e) => e.type === 'TopicCreated').map((e) => e.topic)).toEqual(
      topicKeys.map((key) => names[key]),
    );
    const existing = new Set(await admin.listTopics());
    for (const key of topicKeys) expect(existing.has(names[key])).toBe(true);

    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: names.lifecycleState,
          configNames: ['cleanup.policy'],
        },
      ],
    });
    expect(described.resources[0]?.configEntries[0]?.configValue).toBe('compact');

    const files = await loadSchemaFiles();
    const registry = new AvroRegistry(base.schemaRegistry);
    for (const file of files) {
      expect(await registry.latestId(`${prefix}.${file.topic}`)).toEqual(expect.any(Number));
    }

    const second = await provisionAll({ kafka: kafkaConfig, schemaRegistry: base.schemaRegistry });
    expect(
      second.filter((e) => e.type.startsWith('Topic')).every((e) => e.type === 'TopicUpToDate'),
    ).toBe(true);
    const ids = (events: typeof first) => events.filter((e) => e.type === 'SchemaRegistered');
    expect(ids(second)).toEqual(ids(first));
  });

  it('puts a drifted topic config back to the catalogue value', async () => {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: names.notificationsRaw,
          configEntries: [{ name: 'retention.ms', value: '3600000' }],
        },
      ],
    });
    const events = await provisionAll({ kafka: kafkaConfig, schemaRegistry: base.schemaRegistry });
    const updated = events.find(
      (e) => e.type === 'TopicConfigUpdated' && e.topic === names.notificationsRaw,
    );
    expect(updated).toMatchObject({ changed: expect.arrayContaining(['retention.ms']) });
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: names.notificationsRaw,
          configNames: ['retention.ms'],
        },
      ],
    });
    expect(described.resources[0]?.configEntries[0]?.configValue).toBe('-1');
  });
});
