import { ConfigError } from '@clawback/config';
import { createLogger } from '@clawback/logging';
import { isAdminError } from './admin-error';
import { startAdminFromEnv } from './service/start-from-env';
import { createShutdown } from '@clawback/observability';

/**
 * `npm run admin`: starts the admin API from the environment and stops it gracefully on
 * SIGTERM/SIGINT. A configuration error prints one line and exits with 1.
 */
async function main(): Promise<void> {
  let started;
  try {
    started = await startAdminFromEnv(process.env, {
      onFatal: () => process.exit(1),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`admin: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    if (isAdminError(error) && error.code === 'topics_missing') {
      process.stderr.write(`admin: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { admin, logger } = started;
  const shutdown = createShutdown({ logger, timeoutMs: 30_000 });
  shutdown.onShutdown('admin', () => admin.close());
}

main().catch((error: unknown) => {
  createLogger({ service: 'admin' }).fatal({ err: error }, 'admin failed to start');
  process.exit(1);
});
