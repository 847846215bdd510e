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
`;

/**
 * Parses the demo's arguments.
 *
 * @throws DemoError `demo_arguments_invalid` for an unknown or conflicting option.
 */
export function parseDemoArguments(args: readonly string[]): DemoCommand {
  const known = new Set(['--keep-running', '--stop', '--help', '-h']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) {
    throw new DemoError('demo_arguments_invalid', `unknown option ${unknown.join(' ')}\n${USAGE}`);
  }
  if (args.includes('--help') || args.includes('-h')) return { command: 'help' };
  if (args.includes('--stop')) {
    if (args.includes('--keep-running')) {
      throw new DemoError(
        'demo_arguments_invalid',
        `--stop and --keep-running exclude each other\n${USAGE}`,
      );
    }
    return { command: 'stop' };
  }
  return { command: 'run', keepRunning: args.includes('--keep-running') };
}
