import { processingWindowMs } from './replay-progress';

describe('processingWindowMs', () => {
  it('measures from the last line at 0 done to the first line at the total', () => {
    const lines = [
      { atMs: 0, line: 'replay of raw into events, state' },
      { atMs: 1000, line: 'replay 0/300 (0.0%) 0 rec/s | p0 0/300' },
      { atMs: 2000, line: 'replay 0/300 (0.0%) 0 rec/s | p0 0/300' },
      { atMs: 3000, line: 'replay 150/300 (50.0%) 150 rec/s | p0 150/300' },
      { atMs: 4000, line: 'replay 300/300 (100.0%) 150 rec/s | p0 300/300' },
      { atMs: 5000, line: 'replay 300/300 (100.0%) 0 rec/s | p0 300/300' },
    ];
    expect(processingWindowMs(lines)).toBe(2000);
  });

  it('starts at the first progress line when it already shows progress', () => {
    const lines = [
      { atMs: 1000, line: 'replay 10/20 (50.0%) 10 rec/s | p0 10/20' },
      { atMs: 2500, line: 'replay 20/20 (100.0%) 10 rec/s | p0 20/20' },
    ];
    expect(processingWindowMs(lines)).toBe(1500);
  });

  it('is null when the replay never reports reaching the end', () => {
    expect(
      processingWindowMs([{ atMs: 1, line: 'replay 0/5 (0.0%) 0 rec/s | p0 0/5' }]),
    ).toBeNull();
  });
});
