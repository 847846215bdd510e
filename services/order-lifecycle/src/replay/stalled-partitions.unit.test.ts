import { StalledPartitions } from './stalled-partitions';

describe('StalledPartitions', () => {
  it('probes a partition only after its position stood still for the delay', () => {
    const stalled = new StalledPartitions(10_000);
    expect(stalled.shouldProbe(0, 5n, 0)).toBe(false);
    expect(stalled.shouldProbe(0, 5n, 9_999)).toBe(false);
    expect(stalled.shouldProbe(0, 5n, 10_000)).toBe(true);
  });

  it('starts the delay again when the position moves', () => {
    const stalled = new StalledPartitions(10_000);
    stalled.shouldProbe(0, 5n, 0);
    expect(stalled.shouldProbe(0, 6n, 12_000)).toBe(false);
    expect(stalled.shouldProbe(0, 6n, 21_999)).toBe(false);
    expect(stalled.shouldProbe(0, 6n, 22_000)).toBe(true);
  });

  it('does not probe a position again once records were found after it, but a new one', () => {
    const stalled = new StalledPartitions(0);
    stalled.shouldProbe(1, 5n, 0);
    expect(stalled.shouldProbe(1, 5n, 1)).toBe(true);
    stalled.holdsRecords(1, 5n);
    expect(stalled.shouldProbe(1, 5n, 2)).toBe(false);
    stalled.shouldProbe(1, 7n, 3);
    expect(stalled.shouldProbe(1, 7n, 4)).toBe(true);
  });

  it('keeps partitions apart', () => {
    const stalled = new StalledPartitions(0);
    stalled.shouldProbe(1, 5n, 0);
    stalled.holdsRecords(1, 5n);
    stalled.shouldProbe(2, 5n, 0);
    expect(stalled.shouldProbe(2, 5n, 1)).toBe(true);
  });
});
