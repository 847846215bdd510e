export { AvroRegistry, registerSchemaFiles, type AvroRegistryOptions } from './avro-registry';
export { registerWrittenSchemas } from './register-written-schemas';
export {
  checkBackwardCompatibility,
  isBackwardCompatible,
  type CompatibilityResult,
} from './compatibility';
export {
  defaultSchemasDir,
  loadSchemaFiles,
  parseSchema,
  subjectFor,
  type AvroRecordSchema,
  type SchemaFile,
} from './schema-files';
export {
  SchemaRegistryError,
  toSchemaRegistryError,
  type SchemaRegistryErrorCode,
} from './schema-registry-error';
