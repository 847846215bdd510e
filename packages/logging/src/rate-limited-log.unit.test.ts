import { rateLimitedLog } from './rate-limited-log';

function collecting() {
  const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
  const write = (fields: Record<string, unknown>, message: string) => {
    lines.push({ fields, message });
  };
  const logger = {
    fatal: write,
    error: write,
    warn: write,
    info: write,
    debug: write,
    trace: write,
  };
  return { logger, lines };
}

describe('rateLimitedLog', () => {
  it('given a line repeated within the interval, then only the first is written, and the next one after the interval carries the suppressed count', () => {
    const { logger, lines } = collecting();
    let clock = 1_000;
    const warn = rateLimitedLog(logger, 'warn', { intervalMs: 10_000, now: () => clock });

    for (let i = 0; i < 85; i++) {
      warn({ operation: 'seen' }, 'edge dedupe unavailable');
      clock += 10;
    }
    clock = 11_000;
    warn({ operation: 'seen' }, 'edge dedupe unavailable');

    expect(lines).toEqual([
      { fields: { operation: 'seen' }, message: 'edge dedupe unavailable' },
      { fields: { operation: 'seen', suppressed: 84 }, message: 'edge dedupe unavailable' },
    ]);
  });

  it('given lines further apart than the interval, then each is written without a count', () => {
    const { logger, lines } = collecting();
    let clock = 0;
    const warn = rateLimitedLog(logger, 'warn', { intervalMs: 100, now: () => clock });

    warn({}, 'a');
    clock = 100;
    warn({}, 'b');

    expect(lines).toEqual([
      { fields: {}, message: 'a' },
      { fields: {}, message: 'b' },
    ]);
  });
});
