import { toSchemaRegistryError } from './schema-registry-error';

const withStatus = (status: number) => Object.assign(new Error(`status ${status}`), { status });

describe('toSchemaRegistryError', () => {
  it.each([
    [409, 'schema_incompatible', false],
    [422, 'schema_invalid', false],
    [404, 'schema_not_found', false],
    [401, 'registry_unauthorized', false],
    [503, 'registry_unavailable', true],
    [429, 'registry_unavailable', true],
  ])('HTTP %d -> %s', (status, code, retriable) => {
    expect(toSchemaRegistryError(withStatus(status), 'registering')).toMatchObject({
      code,
      retriable,
    });
  });

  it('treats socket failures as retriable', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toSchemaRegistryError(error, 'x')).toMatchObject({
      code: 'registry_unavailable',
      retriable: true,
    });
  });

  it('maps the library errors by name', () => {
    const named = (name: string) => Object.assign(new Error('m'), { name });
    expect(toSchemaRegistryError(named('ConfluentSchemaRegistryValidationError'), 'x').code).toBe(
      'encode_failed',
    );
    expect(toSchemaRegistryError(named('ConfluentSchemaRegistryArgumentError'), 'x').code).toBe(
      'decode_failed',
    );
    expect(
      toSchemaRegistryError(named('ConfluentSchemaRegistryCompatibilityError'), 'x').code,
    ).toBe('compatibility_mismatch');
  });
});
