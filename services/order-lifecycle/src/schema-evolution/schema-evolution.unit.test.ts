import { checkBackwardCompatibility, loadSchemaFiles } from '@clawback/schema-registry';
import { committedVersions, withRequiredField } from './committed-schemas';

/**
 * Every schema in the working tree must read data written with the version committed on
 * `main` and at `HEAD` (BACKWARD, as the registry enforces it). In CI the working tree is main
 * and this passes trivially; the registry test covers that case.
 */
describe('schemas/*.avsc evolve backward-compatibly', () => {
  it('given the committed versions, when the working-tree schemas read their data, then every one can', async () => {
    const files = await loadSchemaFiles();
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      for (const committed of committedVersions(file, ['main', 'HEAD'])) {
        const result = checkBackwardCompatibility(file.schema as never, committed.schema as never);
        if (!result.compatible)
          problems.push(`${file.topic} vs ${committed.ref}: ${result.reason}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('given a new field without default in any schema, when checked against the committed version, then it is refused', async () => {
    const files = await loadSchemaFiles();
    const checked: string[] = [];
    for (const file of files) {
      for (const committed of committedVersions(file, ['main', 'HEAD'])) {
        const result = checkBackwardCompatibility(
          withRequiredField(file.schema) as never,
          committed.schema as never,
        );
        expect({ topic: file.topic, compatible: result.compatible }).toEqual({
          topic: file.topic,
          compatible: false,
        });
        checked.push(file.topic);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining(['orders.lifecycle.events', 'orders.lifecycle.state']),
    );
  });
});
