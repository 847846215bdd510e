import { parseArgs } from 'node:util';
import { DemoError } from '../demo-error';

/** What `npm run demo -- …` asks for. */
export type DemoCommand =
  | { readonly command: 'run'; readonly keepRunning: boolean }
  | { readonly command: 'stop' }
  | { readonly command: 'help' };

/** The usage text of `npm run demo`. */
export const USAGE = `usage: npm run demo [-- --keep-running | --stop]

  (no option)      bring up the infrastructure and the four services, play the story through
                   the HTTP ingress, print the tables, stop everything, delete the run's topics
  --keep-running   the same, but leave the services (and the webhook receiver) running
  --stop           stop services left running by --keep-running and delete their topics and keys
  --help           this text

exit status: 0 the story played and every table printed, 1 usage error or failure (with the reason)
`;

/**
 * Parses the demo's arguments with `node:util` `parseArgs` (no positionals).
 *
 * @throws DemoError `demo_arguments_invalid` for an unknown or conflicting option, with the usage.
 */
export function parseDemoArguments(args: readonly string[]): DemoCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      allowPositionals: false,
      options: {
        'keep-running': { type: 'boolean' },
        stop: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw new DemoError('demo_arguments_invalid', `${(cause as Error).message}\n${USAGE}`, {
      cause,
    });
  }
  if (values.help) return { command: 'help' };
  if (values.stop) {
    if (values['keep-running']) {
      throw new DemoError(
        'demo_arguments_invalid',
        `--stop and --keep-running exclude each other\n${USAGE}`,
      );
    }
    return { command: 'stop' };
  }
  return { command: 'run', keepRunning: values['keep-running'] === true };
}
