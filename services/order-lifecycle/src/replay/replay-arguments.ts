import { parseArgs } from 'node:util';
import { LifecycleError } from '../lifecycle-error';

/** What `npm run lifecycle:replay -- ...` was asked to do. */
export type ReplayCommand =
  | {
      readonly command: 'replay';
      /** Prefix of the fresh topics, consumer group, transactional ids and Redis keys. */
      readonly targetPrefix: string;
      /** Compare the replayed events with the originals (default true). */
      readonly compare: boolean;
    }
  | { readonly command: 'help' };

export const replayUsage = `usage: npm run lifecycle:replay -- --from-beginning --target-prefix <prefix> [--no-compare]

  --from-beginning        required: the replay always rebuilds from the first raw record
  --target-prefix <p>     prefix of the fresh topics, consumer group and Redis keys
  --no-compare            only rebuild; do not compare the events with the originals
  --help                  this text

exit status: 0 equal (or not compared), 1 differences, 2 usage error or failure`;

/**
 * Parses the command line. `--from-beginning` is required so nobody mistakes the replay for
 * something incremental: it always rebuilds from the first raw record.
 *
 * @throws LifecycleError `invalid_arguments` with the usage text.
 */
export function parseReplayArguments(argv: readonly string[]): ReplayCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'from-beginning': { type: 'boolean' },
        'target-prefix': { type: 'string' },
        'no-compare': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw invalid((cause as Error).message, cause);
  }
  if (values.help) return { command: 'help' };
  if (!values['from-beginning']) throw invalid('--from-beginning is required');
  const targetPrefix = values['target-prefix'];
  if (targetPrefix === undefined || !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(targetPrefix)) {
    throw invalid('--target-prefix needs a topic-name prefix (letters, digits, ".", "_", "-")');
  }
  return { command: 'replay', targetPrefix, compare: !values['no-compare'] };
}

function invalid(problem: string, cause?: unknown): LifecycleError {
  return new LifecycleError('invalid_arguments', `${problem}\n${replayUsage}`, { cause });
}
