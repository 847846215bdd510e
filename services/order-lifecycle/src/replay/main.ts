import { ConfigError, loadConfigOrExit } from '@clawback/config';
import { createLogger } from '@clawback/logging';
import { MerchantsError } from '@clawback/merchants';
import { LifecycleError } from '../lifecycle-error';
import { loadMerchantNormalization } from '../merchants/load-merchant-normalization';
import { loadLifecycleSettings } from '../settings/lifecycle-settings';
import { parseReplayArguments, replayUsage } from './replay-arguments';
import { runReplay } from './run-replay';

/**
 * `npm run lifecycle:replay -- --from-beginning --target-prefix <prefix>`: rebuilds the
 * lifecycle from the raw topic into fresh topics and compares the events with the originals.
 * Exit status: 0 equal (or not compared), 1 differences, 2 usage error or failure (1 stays
 * "differences", which scripts rely on, so a usage error counts as a failure here).
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseReplayArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`lifecycle-replay: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${replayUsage}\n`);
    return 0;
  }
  const config = loadConfigOrExit('lifecycle-replay', [
    'kafka',
    'schemaRegistry',
    'redis',
    'logging',
  ]);
  const logger = createLogger({ service: 'lifecycle-replay', level: config.logging.level });
  try {
    const source = loadLifecycleSettings(process.env, config.kafka.topicPrefix);
    const normalizeOptionsFor = loadMerchantNormalization(process.env, logger);
    const result = await runReplay({
      config,
      source,
      targetPrefix: args.targetPrefix,
      compare: args.compare,
      logger,
      write: (line) => process.stdout.write(`${line}\n`),
      ...(normalizeOptionsFor && { normalizeOptionsFor }),
    });
    return result.comparison && !result.comparison.equal ? 1 : 0;
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof MerchantsError ||
      (error instanceof LifecycleError && error.code === 'invalid_arguments')
    ) {
      process.stderr.write(`lifecycle-replay: ${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'replay failed');
    }
    return 2;
  }
}

void main().then((code) => process.exit(code));
