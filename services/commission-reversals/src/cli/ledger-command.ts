import { parseArgs } from 'node:util';
import { ConfigError, type Env, loadConfig } from '@clawback/config';
import { createRedisClient, quitRedis } from '@clawback/redis';
import { CommissionError } from '../commission-error';
import { pageRequestOf } from '../http/ledger-route';
import { readLedger, type PageRequest } from '../ledger/read-ledger';
import { ledgerReport } from './ledger-report';

/** How to call the command. */
const LEDGER_USAGE = `usage: npm run commissions:ledger -- <merchantId> <affiliateId> [--cursor N] [--limit N]

  --cursor N    first entry to show (the "next page" line names it)
  --limit N     entries per page (default 100)
  --help        this text

exit status: 0 printed, 1 usage or configuration error, 2 no ledger entry for the affiliate,
3 the ledger could not be read (Redis unreachable, or the ledger being rebuilt)`;

/** A parsed command line. */
export type LedgerCommand =
  | {
      readonly command: 'ledger';
      readonly merchantId: string;
      readonly affiliateId: string;
      readonly page: PageRequest;
    }
  | { readonly command: 'help' };

/**
 * Parses `<merchantId> <affiliateId> [--cursor N] [--limit N]` (or `--help`).
 *
 * @throws CommissionError `invalid_arguments` naming the problem, with the usage
 */
export function parseLedgerArguments(args: readonly string[]): LedgerCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        cursor: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new CommissionError('invalid_arguments', `${(cause as Error).message}\n${LEDGER_USAGE}`, {
      cause,
    });
  }
  if (parsed.values.help) return { command: 'help' };
  const [merchantId, affiliateId, ...extra] = parsed.positionals;
  if (merchantId === undefined || affiliateId === undefined || extra.length > 0) {
    throw new CommissionError(
      'invalid_arguments',
      `expected a merchant id and an affiliate id, got ${parsed.positionals.length} argument(s)\n${LEDGER_USAGE}`,
    );
  }
  const { cursor, limit } = parsed.values;
  let page: PageRequest;
  try {
    page = pageRequestOf({ cursor, limit });
  } catch (error) {
    throw new CommissionError(
      'invalid_arguments',
      `--${(error as Error).message}\n${LEDGER_USAGE}`,
      {
        cause: error,
      },
    );
  }
  return { command: 'ledger', merchantId, affiliateId, page };
}

/** Where the command writes. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * `npm run commissions:ledger -- <merchantId> <affiliateId>`: prints an affiliate's balances
 * and ledger entries as a table, reading Redis (`REDIS_*`) like the read API does.
 *
 * @returns the exit code: 0 printed (or the usage, for `--help`), 1 usage or configuration
 *   error, 2 no ledger entry for the affiliate, 3 the ledger could not be read (the codes of the `clawback`
 *   CLI: 1 usage, 2 refused, 3 unreachable).
 */
export async function runLedgerCommand(
  args: readonly string[],
  env: Env,
  output: CommandOutput,
): Promise<number> {
  let parsed: LedgerCommand;
  let config: ReturnType<typeof loadConfig<'redis'>>;
  try {
    parsed = parseLedgerArguments(args);
    if (parsed.command === 'help') {
      output.out(`${LEDGER_USAGE}\n`);
      return 0;
    }
    config = loadConfig(['redis'], env);
  } catch (error) {
    if (!(error instanceof CommissionError || error instanceof ConfigError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
  let redis;
  try {
    redis = await createRedisClient(config.redis, { connectionName: 'commissions-ledger-cli' });
    const page = await readLedger(redis, parsed.merchantId, parsed.affiliateId, parsed.page);
    if (page === undefined) {
      output.err(`no ledger entry for ${parsed.merchantId}:${parsed.affiliateId}\n`);
      return 2;
    }
    output.out(ledgerReport(page));
    return 0;
  } catch (error) {
    output.err(
      `reading the ledger failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 3;
  } finally {
    if (redis) await quitRedis(redis);
  }
}
