import { BenchUsageError, parseBenchArguments } from './bench-arguments';

const KNOWN = ['ingress', 'lifecycle'];

describe('parseBenchArguments', () => {
  it.each([
    [[], { command: 'run', quick: false, names: [] }],
    [['--quick', 'lifecycle'], { command: 'run', quick: true, names: ['lifecycle'] }],
    [['ingress', 'lifecycle'], { command: 'run', quick: false, names: ['ingress', 'lifecycle'] }],
    [['--list'], { command: 'list' }],
    [['--markdown'], { command: 'markdown' }],
    [['--help'], { command: 'help' }],
    [['nonsense', '-h'], { command: 'help' }],
  ])('reads %j', (argv, expected) => {
    expect(parseBenchArguments(argv, KNOWN)).toEqual(expected);
  });

  it.each([
    [['--fast'], /Unknown option '--fast'/],
    [['ingres'], /unknown benchmark: ingres/],
    [['--list', 'ingress'], /--list takes no benchmark names/],
    [['--markdown', '--list'], /takes no benchmark names and no other option/],
    [['--markdown', '--quick'], /--markdown takes/],
  ])('refuses %j, naming the problem', (argv, problem) => {
    expect(() => parseBenchArguments(argv, KNOWN)).toThrow(BenchUsageError);
    expect(() => parseBenchArguments(argv, KNOWN)).toThrow(problem);
  });
});
