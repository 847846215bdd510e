import { loadConfig, type Env } from '@clawback/config';
import { createLogger, type Logger } from '@clawback/logging';
import { loadAdminSettings } from '../settings/admin-settings';
import { startAdmin, type RunningAdmin } from './start-admin';

/**
 * Starts the admin service from environment variables, as `npm run admin` does (Kafka,
 * registry, `LOG_LEVEL`, `ADMIN_*`; docs/operations.md).
 *
 * @throws ConfigError naming the variable for configuration mistakes.
 */
export async function startAdminFromEnv(
  env: Env,
  options: { readonly onFatal?: (error: Error) => void } = {},
): Promise<{ readonly admin: RunningAdmin; readonly logger: Logger }> {
  const config = loadConfig(['kafka', 'schemaRegistry', 'logging'], env);
  const settings = loadAdminSettings(env, config.kafka);
  const logger = createLogger({ service: 'admin', level: config.logging.level });
  const admin = await startAdmin({ config, settings, logger, ...options });
  return { admin, logger };
}
