export { ConfigError, type ConfigErrorCode } from './config-error';
export type { Env } from './env';
export { integerAtLeastFrom, kafkaNamePartFrom } from './settings-values';
export {
  loadKafkaConfig,
  saslMechanisms,
  type KafkaConfig,
  type KafkaSaslConfig,
  type KafkaTlsConfig,
  type SaslMechanism,
} from './kafka-config';
export { loadSchemaRegistryConfig, type SchemaRegistryConfig } from './registry-config';
export { loadRedisConfig, type RedisConfig } from './redis-config';
export {
  loadIngressConfig,
  loadLoggingConfig,
  loadMerchantsConfig,
  loadObservabilityConfig,
  logLevels,
  type IngressConfig,
  type LogLevel,
  type LoggingConfig,
  type MerchantsConfig,
  type ObservabilityConfig,
} from './service-config';
export {
  loadConfig,
  loadConfigOrExit,
  type ClawbackConfig,
  type ConfigSection,
  type ExitHooks,
  type LoadConfigOptions,
} from './load-config';
