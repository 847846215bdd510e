import { isCliError } from '../cli-error';
import { DEFAULT_ADMIN_URL, DEFAULT_TIMEOUT_MS, parseCommandLine } from './parse-command-line';

const env = { CLAWBACK_TOKEN: 'env-token-0123456789' };

const refusal = (argv: readonly string[]): Error => {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    expect(isCliError(error, 'usage')).toBe(true);
    return error as Error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseCommandLine', () => {
  it('given each command with its arguments, when parsed, then it becomes the request the API is asked', () => {
    const request = (argv: string[]) => {
      const parsed = parseCommandLine(argv, env);
      if (parsed.kind !== 'run') throw new Error('expected a request');
      return parsed.request;
    };
    expect(request(['order', '2checkout:acme:1'])).toEqual({
      command: 'order',
      orderKey: '2checkout:acme:1',
    });
    expect(request(['cases'])).toEqual({ command: 'cases', filter: {} });
    expect(
      request([
        'cases',
        '--reason',
        'orphan',
        '--merchant=acme',
        '--status',
        'open',
        '--order',
        'k',
      ]),
    ).toEqual({
      command: 'cases',
      filter: { reason: 'orphan', merchant: 'acme', status: 'open', orderKey: 'k' },
    });
    expect(request(['case', 'case-1'])).toEqual({ command: 'case', caseId: 'case-1' });
    expect(request(['resolve', 'case-1', 'apply', '--reason', 'provider confirmed'])).toEqual({
      command: 'resolve',
      caseId: 'case-1',
      resolution: 'apply',
      reason: 'provider confirmed',
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    expect(
      request(['resolve', 'case-1', 'attach', 'kartra:m:9', '--reason', 'r', '--timeout', '2.5']),
    ).toEqual({
      command: 'resolve',
      caseId: 'case-1',
      resolution: 'attach',
      orderKey: 'kartra:m:9',
      reason: 'r',
      timeoutMs: 2500,
    });
    expect(request(['dlq'])).toEqual({ command: 'dlq' });
    expect(request(['dlq', 'cancellations'])).toEqual({ command: 'dlq', queue: 'cancellations' });
    expect(request(['redrive', 'raw-0-4', '--reason', 'adapter fixed'])).toEqual({
      command: 'redrive',
      deadLetterId: 'raw-0-4',
      reason: 'adapter fixed',
    });
  });

  it('given the connection options, when parsed, then --url and --token win over the environment', () => {
    expect(parseCommandLine(['cases'], {})).toMatchObject({
      connection: { baseUrl: DEFAULT_ADMIN_URL, token: undefined, json: false },
    });
    expect(
      parseCommandLine(['cases', '--json'], {
        CLAWBACK_ADMIN_URL: 'http://admin.test:9000/',
        CLAWBACK_TOKEN: 't-env',
      }),
    ).toMatchObject({
      connection: { baseUrl: 'http://admin.test:9000', token: 't-env', json: true },
    });
    expect(
      parseCommandLine(['--token', 't-flag', 'cases', '--url', 'https://a.test/base'], {
        CLAWBACK_ADMIN_URL: 'http://admin.test:9000',
        CLAWBACK_TOKEN: 't-env',
      }),
    ).toMatchObject({ connection: { baseUrl: 'https://a.test/base', token: 't-flag' } });
  });

  it('given --help anywhere or the help command, when parsed, then it asks for the usage of that command', () => {
    expect(parseCommandLine(['--help'], env)).toEqual({ kind: 'help', command: undefined });
    expect(parseCommandLine(['help'], env)).toEqual({ kind: 'help', command: undefined });
    expect(parseCommandLine(['help', 'resolve'], env)).toEqual({
      kind: 'help',
      command: 'resolve',
    });
    expect(parseCommandLine(['resolve', '-h'], env)).toEqual({ kind: 'help', command: 'resolve' });
    // --help wins over what would be a usage error, so a half-typed command can ask for help.
    expect(parseCommandLine(['resolve', 'case-1', '--help'], env)).toEqual({
      kind: 'help',
      command: 'resolve',
    });
  });

  it.each([
    [[], /no command given/, 'usage: npm run clawback -- <command>'],
    [['refund'], /unknown command "refund"/, 'commands:'],
    [['help', 'refund'], /unknown command "refund"/, 'commands:'],
    [['order'], /order needs an order key/, 'order <orderKey>'],
    [['order', 'a', 'b'], /unexpected argument "b"/, 'order <orderKey>'],
    [
      ['cases', '--status', 'closed'],
      /--status closed: expected open, resolved or dismissed/,
      'cases',
    ],
    [['cases', 'open'], /unexpected argument "open"/, 'cases'],
    [['case', 'c', '--reason', 'x'], /case takes no --reason/, 'case <caseId>'],
    [['resolve', 'c', 'apply'], /resolve needs --reason/, 'resolve <caseId>'],
    [['resolve', 'c', 'apply', '--reason', '  '], /resolve needs --reason/, 'resolve <caseId>'],
    [
      ['resolve', 'c', 'apply', '--reason', 'x'.repeat(501)],
      /501 characters; at most 500/,
      'resolve',
    ],
    [['resolve', 'c', 'attach', '--reason', 'x'], /attach needs the order key/, 'resolve'],
    [['resolve', 'c', 'apply', 'k', '--reason', 'x'], /apply takes no order key/, 'resolve'],
    [['resolve', 'c', 'undo', '--reason', 'x'], /unknown resolution "undo"/, 'resolve'],
    [['resolve', 'c'], /resolve needs a case id and a resolution/, 'resolve'],
    [
      ['resolve', 'c', 'dismiss', '--reason', 'x', '--timeout', '0'],
      /--timeout 0: expected/,
      'resolve',
    ],
    [
      ['resolve', 'c', 'dismiss', '--reason', 'x', '--timeout', 'soon'],
      /--timeout soon/,
      'resolve',
    ],
    [['dlq', 'payments'], /unknown queue "payments"/, 'dlq [raw|cancellations]'],
    [['redrive', 'raw-0-1'], /redrive needs --reason/, 'redrive <deadLetterId>'],
    [['cases', '--colour'], /Unknown option '--colour'/, 'cases [--reason r]'],
    [['order', 'k', '--token'], /--token <value>' argument missing/, 'order <orderKey>'],
    [['order', 'k', '--url', 'not a url'], /admin URL "not a url" is not a URL/, 'order'],
    [['order', 'k', '--url', 'ftp://x'], /is not http\(s\)/, 'order'],
  ])(
    'given %j, when parsed, then it is a usage error naming the problem, with the usage',
    (argv, problem, usage) => {
      const error = refusal(argv);
      expect(error.message).toMatch(problem);
      expect(error.message).toContain(usage);
    },
  );
});
