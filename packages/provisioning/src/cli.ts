import { loadConfigOrExit } from '@clawback/config';
import { isClawbackError, isRetriable, retry } from '@clawback/errors';
import { createLogger } from '@clawback/logging';
import { describeProgress } from './progress';
import { provisionAll } from './provision-all';

/** `npm run provision`: topics and schemas for the configured environment. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('provision', ['kafka', 'schemaRegistry', 'logging']);
  const logger = createLogger({
    service: 'provision',
    level: config.logging.level === 'info' ? 'warn' : config.logging.level,
  });
  const prefix =
    config.kafka.topicPrefix === '' ? '' : ` (topic prefix ${config.kafka.topicPrefix})`;
  console.log(
    `provisioning ${config.kafka.brokers.join(',')} and ${config.schemaRegistry.url}${prefix}`,
  );
  // Retried so that `npm run infra:up && npm run provision` tolerates a broker still starting.
  const events = await retry(
    () =>
      provisionAll({
        kafka: config.kafka,
        schemaRegistry: config.schemaRegistry,
        logger,
        onProgress: (event) => console.log(`  ${describeProgress(event)}`),
      }),
    {
      attempts: 5,
      initialDelayMs: 1000,
      maxDelayMs: 5000,
      onRetry: (error, attempt) =>
        console.log(`  attempt ${attempt} failed (${String(error)}), retrying`),
    },
  );
  const schemas = events.filter((event) => event.type === 'SchemaRegistered').length;
  const topics = events.length - schemas - events.filter((e) => e.type === 'SchemaMissing').length;
  console.log(`done: ${topics} topics, ${schemas} schemas`);
}

main().catch((error: unknown) => {
  const what = isClawbackError(error) ? `${error.code}: ${error.message}` : String(error);
  console.error(`provision failed${isRetriable(error) ? ' (retriable)' : ''}: ${what}`);
  process.exit(1);
});
