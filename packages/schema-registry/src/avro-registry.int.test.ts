import { loadSchemaRegistryConfig } from '@clawback/config';
import { uniqueTestId } from '@clawback/test-harness';
import { AvroRegistry, registerSchemaFiles } from './avro-registry';
import { type AvroRecordSchema, loadSchemaFiles } from './schema-files';

const config = loadSchemaRegistryConfig(process.env);

const orderPaidV1: AvroRecordSchema = {
  type: 'record',
  name: 'OrderPaid',
  namespace: 'io.clawback.test',
  fields: [
    { name: 'orderKey', type: 'string' },
    { name: 'amount', type: 'long' },
    { name: 'currency', type: 'string' },
  ],
};

describe('AvroRegistry (real registry)', () => {
  let topic: string;
  let registry: AvroRegistry;

  beforeEach(() => {
    // Subjects follow the (prefixed) topic name, so each test has its own.
    topic = `${uniqueTestId()}.orders.lifecycle.events`;
    registry = new AvroRegistry(config);
  });

  it('registers a schema, encodes in the Confluent wire format and decodes', async () => {
    const id = await registry.register(topic, orderPaidV1);
    const value = { orderKey: '2checkout:m1:123', amount: 1999, currency: 'EUR' };

    const encoded = await registry.encode(topic, value);
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    // A second client, with empty caches, decodes by the id in the record.
    expect(await new AvroRegistry(config).decode(encoded)).toEqual(value);
    expect(await registry.register(topic, orderPaidV1)).toBe(id);
  });

  it('refuses an incompatible change and accepts a compatible one', async () => {
    await registry.register(topic, orderPaidV1);
    const incompatible = {
      ...orderPaidV1,
      fields: [...orderPaidV1.fields, { name: 'affiliate', type: 'string' }],
    };
    await expect(registry.register(topic, incompatible)).rejects.toMatchObject({
      code: 'schema_incompatible',
      retriable: false,
    });

    const compatible = {
      ...orderPaidV1,
      fields: [
        ...orderPaidV1.fields,
        { name: 'affiliate', type: ['null', 'string'], default: null },
      ],
    };
    const id = await registry.register(topic, compatible);
    const decoded = await registry.decode(
      await registry.encode(topic, { orderKey: 'k', amount: 1, currency: 'USD', affiliate: null }),
    );
    expect(decoded).toEqual({ orderKey: 'k', amount: 1, currency: 'USD', affiliate: null });
    expect(await registry.latestId(topic)).toBe(id);
  });

  it('adopts a subject created without a compatibility rule (the Apicurio pitfall) and enforces BACKWARD', async () => {
    const created = await fetch(`${config.url}/subjects/${topic}-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(orderPaidV1) }),
    });
    expect(created.status).toBe(200);

    await expect(registry.register(topic, orderPaidV1)).resolves.toEqual(expect.any(Number));
    const incompatible = {
      ...orderPaidV1,
      fields: [...orderPaidV1.fields, { name: 'x', type: 'int' }],
    };
    await expect(registry.register(topic, incompatible)).rejects.toMatchObject({
      code: 'schema_incompatible',
    });
  });

  it('lets several instances register the same new subject at the same moment (rolling starts)', async () => {
    const registries = Array.from({ length: 6 }, () => new AvroRegistry(config));
    const ids = await Promise.all(registries.map((r) => r.register(topic, orderPaidV1)));
    expect(new Set(ids).size).toBe(1);
  });

  it('refuses to encode a value that does not match the schema', async () => {
    await registry.register(topic, orderPaidV1);
    await expect(
      registry.encode(topic, { orderKey: 'k', amount: 1.5, currency: 'EUR' }),
    ).rejects.toMatchObject({
      code: 'encode_failed',
    });
  });

  it('registers every schema file under prefixed subjects', async () => {
    const prefix = uniqueTestId();
    const files = await loadSchemaFiles();
    const ids = await registerSchemaFiles(registry, files, (contract) => `${prefix}.${contract}`);
    expect([...ids.keys()]).toEqual(files.map((file) => `${prefix}.${file.topic}`));
  });

  it('reports an unreachable registry as retriable', async () => {
    const down = new AvroRegistry(
      loadSchemaRegistryConfig({ SCHEMA_REGISTRY_URL: 'http://127.0.0.1:1/apis/ccompat/v7' }),
      {
        retries: 0,
      },
    );
    await expect(down.register(topic, orderPaidV1)).rejects.toMatchObject({
      code: 'registry_unavailable',
      retriable: true,
    });
  });
});
