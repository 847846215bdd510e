import { createLogger } from '@clawback/logging';
import { outcomeSummary } from './outcome-summary';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'ingress',
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('outcomeSummary', () => {
  afterEach(() => jest.useRealTimers());

  it('writes one line per interval with the outcomes counted in it, none when idle', () => {
    jest.useFakeTimers();
    const { logger, lines } = capture();
    const summary = outcomeSummary(logger, 1_000);
    summary.count('published');
    summary.count('published');
    summary.count('duplicate');
    jest.advanceTimersByTime(1_000);
    jest.advanceTimersByTime(1_000);
    summary.count('invalid_signature');
    summary.close();

    expect(lines.map((l) => [l.msg, l.outcomes, l.total])).toEqual([
      ['notifications answered', { published: 2, duplicate: 1 }, 3],
      ['notifications answered', { invalid_signature: 1 }, 1],
    ]);
  });

  it('stops writing once closed', () => {
    jest.useFakeTimers();
    const { logger, lines } = capture();
    const summary = outcomeSummary(logger, 1_000);
    summary.close();
    summary.count('published');
    jest.advanceTimersByTime(5_000);
    expect(lines).toEqual([]);
  });
});
