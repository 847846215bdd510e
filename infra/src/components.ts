import type { Component } from './component';
import type { InfraSettings } from './config/settings';
import { kafkaComponents } from './kafka/kafka-component';
import { apicurioComponent } from './registry/apicurio-component';
import { redisComponent } from './redis/redis-component';

/** All components in start order: the registry keeps its storage in Kafka, so Kafka first. */
export function allComponents(
  settings: InfraSettings,
  env: NodeJS.ProcessEnv,
): readonly Component[] {
  return [
    redisComponent(settings),
    ...kafkaComponents(settings, env),
    apicurioComponent(settings, env),
  ];
}
