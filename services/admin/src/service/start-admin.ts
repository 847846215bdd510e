import { randomUUID } from 'node:crypto';
import type { ClawbackConfig } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { createMetricsRegistry } from '@clawback/observability';
import { AvroRegistry, registerWrittenSchemas } from '@clawback/schema-registry';
import { createCommandWriter } from '../commands/command-writer';
import { buildAdmin } from '../http/build-admin';
import { AdminProjection } from '../projection/admin-projection';
import { startLogReader } from '../projection/log-reader';
import type { AdminSettings } from '../settings/admin-settings';

/** Options for {@link startAdmin}. */
export interface AdminOptions {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry'>;
  readonly settings: AdminSettings;
  readonly logger: Logger;
  /** Called when the log reader fails for good (the process should end). */
  readonly onFatal?: (error: Error) => void;
}

/** The running admin service. */
export interface RunningAdmin {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly projection: AdminProjection;
  /** Resolves once the projection caught up with the end offsets read at start. */
  readonly whenCaughtUp: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the admin service: starts reading the topics into the projection (refusing to start
 * when one is missing), registers the schemas of the topics it writes commands to (raw, cancellation redrives), opens the
 * command writer and listens at once (`/readyz` and `/v1/` answer 503 until the projection
 * caught up).
 */
export async function startAdmin(options: AdminOptions): Promise<RunningAdmin> {
  const { config, settings, logger } = options;
  const kafka = createKafkaClient(config.kafka, { logger, clientId: 'clawback-admin' });
  const registry = new AvroRegistry(config.schemaRegistry);
  const projection = new AdminProjection();
  const reader = await startLogReader({
    kafka,
    topics: settings.topics,
    groupIdPrefix: settings.groupIdPrefix,
    decode: (value) => registry.decode(value),
    onRecord: (record) => projection.apply(record),
    logger,
    onFatal: options.onFatal ?? ((error) => logger.fatal({ err: error }, 'log reader stopped')),
  });
  let writer;
  try {
    // After the topic check: a missing topic must not leave a subject behind in the registry.
    await registerWrittenSchemas(
      registry,
      new Map([
        ['payments.notifications.raw', settings.topics.notificationsRaw],
        ['subscriptions.cancellations.redrive', settings.topics.cancellationsRedrive],
      ]),
    );
    writer = await createCommandWriter({
      kafka,
      registry,
      topic: settings.topics.notificationsRaw,
      redriveTopic: settings.topics.cancellationsRedrive,
      transactionalId: `${settings.transactionalIdPrefix}-admin-${randomUUID()}`,
      timeoutMs: settings.writeTimeoutMs,
    });
  } catch (error) {
    await reader.close();
    throw error;
  }
  void reader.whenCaughtUp.then(() => logger.info('admin projection caught up'));
  const app = buildAdmin({
    tokens: settings.tokens,
    projection,
    caughtUp: reader.caughtUp,
    writer,
    metrics: createMetricsRegistry({ service: 'admin' }),
    logger,
    now: Date.now,
    console: { commissionsUrl: settings.commissionsUrl, services: settings.consoleServices ?? [] },
  });
  const url = await app.listen({ host: settings.host, port: settings.port });
  logger.info({ url }, 'admin API listening');
  return {
    url,
    projection,
    whenCaughtUp: reader.whenCaughtUp,
    close: async () => {
      await app.close();
      await reader.close();
      await writer.close();
    },
  };
}
