import { lastLines } from './log-tail';

describe('lastLines', () => {
  it('keeps the last n lines, ignoring a final newline', () => {
    expect(lastLines('a\nb\nc\nd\n', 2)).toBe('c\nd');
  });

  it('returns everything when there are fewer lines', () => {
    expect(lastLines('only\n', 40)).toBe('only');
  });
});
