import { ConfigError } from '@clawback/config';
import { checkKafkaAccessOrExit, createShutdown } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { MerchantsError } from '@clawback/merchants';
import { startIngress } from './service/start-ingress';

/**
 * `npm run ingress`: starts the ingress from the environment and stops it gracefully on
 * SIGTERM/SIGINT. A configuration error, or brokers refusing the credentials or certificate,
 * prints one line and exits with 1.
 */
async function main(): Promise<void> {
  await checkKafkaAccessOrExit('ingress');
  let running;
  try {
    running = await startIngress({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MerchantsError) {
      process.stderr.write(`ingress: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = createShutdown({ logger: running.logger, timeoutMs: 30_000 });
  shutdown.onShutdown('ingress', () => running.close());
}

main().catch((error: unknown) => {
  createLogger({ service: 'ingress' }).fatal({ err: error }, 'ingress failed to start');
  process.exit(1);
});
