export { ConfigError } from './config-error';
export type { Env } from './env';
export { integerAtLeastFrom, kafkaNamePartFrom } from './settings-values';
export { loadKafkaConfig, type KafkaConfig } from './kafka-config';
export { loadSchemaRegistryConfig, type SchemaRegistryConfig } from './registry-config';
export { loadRedisConfig, type RedisConfig } from './redis-config';
export { logLevels } from './service-config';
export { loadConfig, loadConfigOrExit, type ClawbackConfig } from './load-config';
