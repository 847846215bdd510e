export { AvroRegistry } from './avro-registry';
export { checkRegistryAccessOrExit } from './registry-access';
export { registerWrittenSchemas } from './register-written-schemas';
export { checkBackwardCompatibility } from './compatibility';
export {
  defaultSchemasDir,
  loadSchemaFiles,
  parseSchema,
  subjectFor,
  type AvroRecordSchema,
  type SchemaFile,
} from './schema-files';
export { SchemaRegistryError } from './schema-registry-error';
