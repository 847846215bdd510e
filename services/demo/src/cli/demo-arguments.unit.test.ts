import { isClawbackError } from '@clawback/errors';
import { parseDemoArguments } from './demo-arguments';

describe('parseDemoArguments', () => {
  it.each([
    [[], { command: 'run', keepRunning: false }],
    [['--keep-running'], { command: 'run', keepRunning: true }],
    [['--stop'], { command: 'stop' }],
    [['--help'], { command: 'help' }],
    [['-h', '--stop'], { command: 'help' }],
  ])('reads %j', (args, expected) => {
    expect(parseDemoArguments(args)).toEqual(expected);
  });

  it.each([
    [['--keep'], /Unknown option '--keep'/],
    [['--stop', '--keep-running'], /exclude each other/],
    [['story'], /Unexpected argument 'story'/],
  ])('refuses %j, naming the problem, with the usage', (args, problem) => {
    let error: unknown;
    try {
      parseDemoArguments(args);
    } catch (caught) {
      error = caught;
    }
    expect(isClawbackError(error, 'demo_arguments_invalid')).toBe(true);
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).toContain('usage: npm run demo');
  });
});
