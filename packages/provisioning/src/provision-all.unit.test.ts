import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKafkaConfig, loadSchemaRegistryConfig } from '@clawback/config';
import { describeProgress } from './progress';
import { provisionAll } from './provision-all';

describe('provisionAll input checks', () => {
  it('refuses a schema file named after no catalogue topic, before touching anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'schemas-'));
    await writeFile(
      join(dir, 'payments.notificatons.raw.avsc'),
      '{"type":"record","name":"A","fields":[]}',
    );
    await expect(
      provisionAll({
        // Unreachable on purpose: the check must fail first.
        kafka: loadKafkaConfig({ KAFKA_BROKERS: '127.0.0.1:1' }),
        schemaRegistry: loadSchemaRegistryConfig({ SCHEMA_REGISTRY_URL: 'http://127.0.0.1:1' }),
        schemasDir: dir,
      }),
    ).rejects.toMatchObject({ code: 'schema_for_unknown_topic' });
  });
});

describe('describeProgress', () => {
  it('says what happened to each topic and schema', () => {
    expect(describeProgress({ type: 'TopicCreated', topic: 'a', partitions: 12 })).toBe(
      'topic  a: created with 12 partitions',
    );
    expect(
      describeProgress({ type: 'TopicConfigUpdated', topic: 'a', changed: ['retention.ms'] }),
    ).toBe('topic  a: updated retention.ms');
    expect(
      describeProgress({ type: 'SchemaRegistered', topic: 'a', subject: 'a-value', id: 4 }),
    ).toBe('schema a-value: registered, id 4');
  });
});
