import { isLifecycleError } from '../lifecycle-error';
import { parseReplayArguments } from './replay-arguments';

const refusal = (argv: readonly string[]): unknown => {
  try {
    parseReplayArguments(argv);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseReplayArguments', () => {
  it('given a target prefix and --from-beginning, when parsed, then the replay compares by default', () => {
    expect(parseReplayArguments(['--from-beginning', '--target-prefix', 'replay-1'])).toEqual({
      command: 'replay',
      targetPrefix: 'replay-1',
      compare: true,
    });
    expect(
      parseReplayArguments(['--target-prefix=r2', '--from-beginning', '--no-compare']),
    ).toEqual({ command: 'replay', targetPrefix: 'r2', compare: false });
  });

  it('given --help, when parsed, then it asks for the usage whatever else is there', () => {
    expect(parseReplayArguments(['--help'])).toEqual({ command: 'help' });
    expect(parseReplayArguments(['--target-prefix', 'r', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [['--target-prefix', 'r'], /--from-beginning is required/],
    [['--from-beginning', '--target-prefix', 'r', '--x'], /Unknown option '--x'/],
    [['--from-beginning', '--target-prefix', 'a b'], /--target-prefix needs/],
    [['--from-beginning'], /--target-prefix needs/],
    [['--from-beginning', '--target-prefix'], /--target-prefix <value>' argument missing/],
    [['--from-beginning', '--target-prefix', 'r', 'extra'], /Unexpected argument 'extra'/],
  ])('given %j, when parsed, then it fails with the problem and the usage', (argv, problem) => {
    const error = refusal(argv);
    expect(isLifecycleError(error, 'invalid_arguments')).toBe(true);
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).toContain('usage: npm run lifecycle:replay');
  });
});
