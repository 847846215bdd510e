import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemaFiles, parseSchema, subjectFor } from './schema-files';

describe('schema files', () => {
  it('loads the repository schemas, one per topic, named by topic', async () => {
    const files = await loadSchemaFiles();
    const topics = files.map((file) => file.topic);
    expect(topics).toContain('payments.notifications.raw');
    expect(topics).toContain('payments.notifications.dlq');
    for (const file of files) expect(file.schema.type).toBe('record');
  });

  it('names subjects by topic', () => {
    expect(subjectFor('t-1.payments.notifications.raw')).toBe(
      't-1.payments.notifications.raw-value',
    );
  });

  it('rejects files that are not Avro records, naming the file', async () => {
    expect(() => parseSchema('{"type":"string"}', 'x.avsc')).toThrow(
      expect.objectContaining({
        code: 'schema_file_invalid',
        message: expect.stringContaining('x.avsc'),
      }),
    );
    expect(() =>
      parseSchema('{"type":"record","name":"A","fields":[{"name":"a","type":"nope"}]}', 'y.avsc'),
    ).toThrow(expect.objectContaining({ code: 'schema_file_invalid' }));
    const dir = await mkdtemp(join(tmpdir(), 'schemas-'));
    await writeFile(join(dir, 'broken.avsc'), '{ not json');
    await expect(loadSchemaFiles(dir)).rejects.toMatchObject({ code: 'schema_file_invalid' });
  });
});
