import { ConfigError, type Env, loadConfig } from '@clawback/config';
import { createRedisClient, quitRedis } from '@clawback/redis';
import { CommissionError } from '../commission-error';
import { pageRequestOf } from '../http/ledger-route';
import { readLedger, type PageRequest } from '../ledger/read-ledger';
import { ledgerReport } from './ledger-report';

/** How to call the command. */
const LEDGER_USAGE =
  'usage: npm run commissions:ledger -- <merchantId> <affiliateId> [--cursor N] [--limit N]';

/** A parsed command line. */
export interface LedgerArguments {
  readonly merchantId: string;
  readonly affiliateId: string;
  readonly page: PageRequest;
}

/**
 * Parses `<merchantId> <affiliateId> [--cursor N] [--limit N]`.
 *
 * @throws CommissionError `invalid_arguments`
 */
export function parseLedgerArguments(args: readonly string[]): LedgerArguments {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--(cursor|limit)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined)
        throw new CommissionError('invalid_arguments', `${arg} needs a value`);
      options[option[1]!] = value;
    } else if (arg.startsWith('--')) {
      throw new CommissionError('invalid_arguments', `unknown option ${arg}`);
    } else positional.push(arg);
  }
  const [merchantId, affiliateId, ...extra] = positional;
  if (merchantId === undefined || affiliateId === undefined || extra.length > 0) {
    throw new CommissionError('invalid_arguments', LEDGER_USAGE);
  }
  return { merchantId, affiliateId, page: pageRequestOf(options) };
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
 * @returns the exit code: 0 printed, 1 unknown affiliate or unreachable Redis, 2 usage or
 *   configuration error.
 */
export async function runLedgerCommand(
  args: readonly string[],
  env: Env,
  output: CommandOutput,
): Promise<number> {
  let parsed: LedgerArguments;
  let config: ReturnType<typeof loadConfig<'redis'>>;
  try {
    parsed = parseLedgerArguments(args);
    config = loadConfig(['redis'], env);
  } catch (error) {
    if (!(error instanceof CommissionError || error instanceof ConfigError)) throw error;
    output.err(`${error.message}\n`);
    return 2;
  }
  let redis;
  try {
    redis = await createRedisClient(config.redis, { connectionName: 'commissions-ledger-cli' });
    const page = await readLedger(redis, parsed.merchantId, parsed.affiliateId, parsed.page);
    if (page === undefined) {
      output.err(`no ledger entry for ${parsed.merchantId}:${parsed.affiliateId}\n`);
      return 1;
    }
    output.out(ledgerReport(page));
    return 0;
  } catch (error) {
    output.err(
      `reading the ledger failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    if (redis) await quitRedis(redis);
  }
}
