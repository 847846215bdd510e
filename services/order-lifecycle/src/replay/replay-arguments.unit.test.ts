import { parseReplayArguments } from './replay-arguments';

describe('parseReplayArguments', () => {
  it('given a target prefix and --from-beginning, when parsed, then the replay compares by default', () => {
    expect(parseReplayArguments(['--from-beginning', '--target-prefix', 'replay-1'])).toEqual({
      targetPrefix: 'replay-1',
      compare: true,
    });
    expect(
      parseReplayArguments(['--target-prefix=r2', '--from-beginning', '--no-compare']),
    ).toEqual({
      targetPrefix: 'r2',
      compare: false,
    });
  });

  it('given no --from-beginning, an unknown flag or a bad prefix, when parsed, then it fails with the usage', () => {
    expect(() => parseReplayArguments(['--target-prefix', 'r'])).toThrow(
      /--from-beginning is required/,
    );
    expect(() => parseReplayArguments(['--from-beginning', '--target-prefix', 'r', '--x'])).toThrow(
      /unknown argument/,
    );
    expect(() => parseReplayArguments(['--from-beginning', '--target-prefix', 'a b'])).toThrow(
      /usage/,
    );
    expect(() => parseReplayArguments(['--from-beginning'])).toThrow(/--target-prefix/);
  });
});
