import { LifecycleError } from '../lifecycle-error';

/** What `npm run lifecycle:replay -- ...` was asked to do. */
export interface ReplayArguments {
  /** Prefix of the fresh topics, consumer group, transactional ids and Redis keys. */
  readonly targetPrefix: string;
  /** Compare the replayed events with the originals (default true). */
  readonly compare: boolean;
}

const replayUsage =
  'usage: npm run lifecycle:replay -- --from-beginning --target-prefix <prefix> [--no-compare]';

/**
 * Parses the command line. `--from-beginning` is required so nobody mistakes the replay for
 * something incremental: it always rebuilds from the first raw record.
 *
 * @throws LifecycleError `invalid_arguments` with the usage line.
 */
export function parseReplayArguments(argv: readonly string[]): ReplayArguments {
  let targetPrefix: string | undefined;
  let fromBeginning = false;
  let compare = true;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--from-beginning') fromBeginning = true;
    else if (argument === '--no-compare') compare = false;
    else if (argument === '--target-prefix') targetPrefix = argv[++i];
    else if (argument?.startsWith('--target-prefix=')) targetPrefix = argument.slice(16);
    else throw invalid(`unknown argument ${argument ?? ''}`);
  }
  if (!fromBeginning) throw invalid('--from-beginning is required');
  if (targetPrefix === undefined || !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(targetPrefix)) {
    throw invalid('--target-prefix needs a topic-name prefix (letters, digits, ".", "_", "-")');
  }
  return { targetPrefix, compare };
}

function invalid(problem: string): LifecycleError {
  return new LifecycleError('invalid_arguments', `${problem}\n${replayUsage}`);
}
