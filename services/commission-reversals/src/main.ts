import { ConfigError } from '@clawback/config';
import { checkKafkaAccessOrExit } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { checkRegistryAccessOrExit } from '@clawback/schema-registry';
import { MerchantsError } from '@clawback/merchants';
import { runLedgerCommand } from './cli/ledger-command';
import { CommissionError } from './commission-error';
import { type StartedFromEnv, startCommissionReversalsFromEnv } from './service/start-from-env';
import { createShutdown } from '@clawback/observability';

const SERVICE = 'commission-reversals';

/**
 * `npm run commissions`: the service configured from the environment, with the ledger read
 * API, `/healthz`, `/readyz` and `/metrics` on `OBSERVABILITY_PORT` (default 9466), stopped
 * gracefully on SIGTERM/SIGINT. A configuration error prints one line and exits with 1.
 *
 * `npm run commissions -- ledger <merchantId> <affiliateId>` prints an affiliate's ledger.
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'ledger') {
    process.exitCode = await runLedgerCommand(args, process.env, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
    return;
  }
  if (command !== undefined) {
    process.stderr.write(`${SERVICE}: unknown command "${command}" (only "ledger")\n`);
    process.exit(1);
  }
  // A wrong password or an untrusted certificate: one line and exit 1, not a retry loop.
  await checkKafkaAccessOrExit(SERVICE);
  await checkRegistryAccessOrExit(SERVICE);
  let started: StartedFromEnv;
  try {
    started = await startCommissionReversalsFromEnv(process.env);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof MerchantsError ||
      (error instanceof CommissionError && error.code === 'commission_settings_invalid')
    ) {
      process.stderr.write(`${SERVICE}: configuration error: ${error.message}\n`);
    } else {
      createLogger({ service: SERVICE }).fatal({ err: error }, 'failed to start');
    }
    process.exit(1);
  }
  const { service, settings, logger } = started;
  const shutdown = createShutdown({ logger, timeoutMs: settings.transactionTimeoutMs });
  shutdown.onShutdown('commission reversals', () => service.stop());
  logger.info(
    { topics: settings.topics, groupId: settings.groupId, httpPort: service.httpPort },
    'commission reversals started',
  );
}

void main();
