import type { KafkaConfig, SchemaRegistryConfig } from '@clawback/config';
import { retry } from '@clawback/errors';
import { provisionAll } from '@clawback/provisioning';
import { DemoError } from '../demo-error';

/**
 * `npm run provision` for the run's topic prefix: every topic of the catalogue and every
 * schema, under the run's names. Retried a few times, since a broker that just started may
 * still be electing partition leaders. Returns how many topics and schemas it handled.
 */
export async function provisionRun(
  kafka: KafkaConfig,
  schemaRegistry: SchemaRegistryConfig,
): Promise<{ readonly topics: number; readonly schemas: number }> {
  try {
    const events = await retry(() => provisionAll({ kafka, schemaRegistry }), {
      attempts: 5,
      initialDelayMs: 1000,
      maxDelayMs: 5000,
    });
    const schemas = events.filter((event) => event.type === 'SchemaRegistered').length;
    const topics = events.filter(
      (event) => event.type !== 'SchemaRegistered' && event.type !== 'SchemaMissing',
    ).length;
    return { topics, schemas };
  } catch (error) {
    throw new DemoError('demo_infra_failed', `provisioning failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
