/** The commands of the `clawback` CLI. */
export const COMMAND_NAMES = ['order', 'cases', 'case', 'resolve', 'dlq', 'redrive'] as const;

/** One of {@link COMMAND_NAMES}. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** What `--help` prints for a command, and which command options it takes. */
export interface CommandSpec {
  readonly synopsis: string;
  readonly summary: string;
  /** Lines describing the positionals and options, already indented. */
  readonly details: readonly string[];
  /** Command options (beyond the global ones) the command accepts. */
  readonly options: readonly CommandOption[];
}

/** The options some commands take; each means one thing wherever it is allowed. */
export type CommandOption = 'reason' | 'merchant' | 'status' | 'order' | 'timeout';

/** How every command is called, in the order `clawback --help` lists them. */
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  order: {
    synopsis: 'order <orderKey>',
    summary: "an order's whole timeline: notifications and their outcome, events, adjustments",
    details: ['  <orderKey>          e.g. 2checkout:acme:1001'],
    options: [],
  },
  cases: {
    synopsis: 'cases [--reason r] [--merchant m] [--status s] [--order k]',
    summary: 'the cases, oldest first, filtered',
    details: [
      '  --reason r          reason code (orphan, over_refund, overdue, a dead letter code, …)',
      '  --merchant m        merchant id',
      '  --status s          open | resolved | dismissed',
      '  --order k           order key',
    ],
    options: ['reason', 'merchant', 'status', 'order'],
  },
  case: {
    synopsis: 'case <caseId>',
    summary: 'one case, its amounts, resolutions and the resolutions that fit it',
    details: ['  <caseId>            e.g. case-1b2c3d4e5f607182'],
    options: [],
  },
  resolve: {
    synopsis: 'resolve <caseId> apply|attach <orderKey>|dismiss --reason "…" [--timeout s]',
    summary: 'resolve a case (operator role); waits until the case shows the outcome',
    details: [
      "  apply               accept the rejected money fact (within its reason's limits)",
      '  attach <orderKey>   the fact belongs to that order',
      '  dismiss             close the case without an effect',
      '  --reason "…"        why (required, 1 to 500 characters; recorded with your id)',
      '  --timeout s         seconds to wait for the outcome (default 30)',
    ],
    options: ['reason', 'timeout'],
  },
  dlq: {
    synopsis: 'dlq [raw|cancellations]',
    summary: 'the dead letters of both queues, or of one',
    details: [],
    options: [],
  },
  redrive: {
    synopsis: 'redrive <deadLetterId> --reason "…"',
    summary: 'republish a dead letter once its cause is fixed (operator role)',
    details: ['  --reason "…"        why (required, 1 to 500 characters)'],
    options: ['reason'],
  },
};

const GLOBAL_OPTIONS = [
  'options of every command:',
  "  --json              print the API's JSON instead of tables",
  '  --token t           bearer token (default: $CLAWBACK_TOKEN)',
  '  --url u             admin API (default: $CLAWBACK_ADMIN_URL or http://127.0.0.1:8090)',
  '  --help, -h          this text',
];

const EXIT_STATUS = [
  'exit status: 0 ok, 1 usage error, 2 refused by the API (4xx; the message is printed),',
  "3 API unreachable or failing (5xx), 4 timed out waiting for a resolution's outcome",
];

/** `clawback --help`. */
export function overallUsage(): string {
  return [
    'usage: npm run clawback -- <command> [options]   (or the `clawback` bin)',
    '',
    'commands:',
    ...COMMAND_NAMES.flatMap((name) => [
      `  ${COMMANDS[name].synopsis}`,
      `      ${COMMANDS[name].summary}`,
    ]),
    '',
    ...GLOBAL_OPTIONS,
    '',
    'clawback <command> --help describes one command.',
    ...EXIT_STATUS,
    '',
  ].join('\n');
}

/** `clawback <command> --help`. */
export function commandUsage(name: CommandName): string {
  const spec = COMMANDS[name];
  return [
    `usage: npm run clawback -- ${spec.synopsis} [--json] [--token t] [--url u]`,
    '',
    spec.summary,
    ...(spec.details.length > 0 ? ['', ...spec.details] : []),
    '',
    ...GLOBAL_OPTIONS,
    '',
    ...EXIT_STATUS,
    '',
  ].join('\n');
}
