import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchemaRegistryConfig } from '@clawback/config';
import { AvroRegistry } from './avro-registry';
import type { AvroRecordSchema } from './schema-files';
import { uniqueTestId } from '@clawback/test-harness';

// ADR 0020 evolves the events and state schemas: each gains one optional field. Registered on
// the real registry after the schema without it (as a running deployment has it), under the
// registry's BACKWARD rule, each must be accepted, and old records must still decode.
const current = (topic: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../schemas', `${topic}.avsc`), 'utf8'),
  ) as AvroRecordSchema & { fields: { name: string; type: unknown }[] };

/** The schema as it was before ADR 0020: the added field removed from `record`. */
function withoutField(schema: ReturnType<typeof current>, path: string[], field: string) {
  const copy = structuredClone(schema);
  let record: { fields: { name: string; type: unknown }[] } = copy;
  for (const name of path) {
    const holder = record.fields.find((f) => f.name === name)!;
    record = (holder.type as { items: typeof record }).items;
  }
  record.fields = record.fields.filter((f) => f.name !== field);
  return copy;
}

describe('the provider-time fields evolve the schemas compatibly (real registry)', () => {
  it.each([
    ['orders.lifecycle.events', [], 'providerTimeWarning'],
    ['orders.lifecycle.state', ['parked'], 'implausibleProviderTime'],
  ])('%s: the schema without %s, then the current one', async (name, path, field) => {
    const registry = new AvroRegistry(loadSchemaRegistryConfig(process.env));
    const topic = `${uniqueTestId()}.${name}`;
    const schema = current(name);
    const old = withoutField(schema, path, field);
    expect(JSON.stringify(old)).not.toContain(`"${field}"`);

    const oldId = await registry.register(topic, old);
    const newId = await registry.register(topic, schema);
    expect(newId).not.toBe(oldId);
    expect(await registry.latestId(topic)).toBe(newId);
  });
});
