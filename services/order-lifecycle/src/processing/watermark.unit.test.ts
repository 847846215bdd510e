import { justifiedTime, watermarkAfter } from './watermark';

const HOUR = 3_600_000;
const RECEIVED = Date.parse('2026-01-31T15:00:00Z');

describe('partition watermark', () => {
  it('given no watermark yet, when a record is read, then it becomes the record’s provider time', () => {
    expect(watermarkAfter(null, RECEIVED - HOUR, RECEIVED)).toBe(RECEIVED - HOUR);
  });

  it('given a watermark, when an older record is read, then it stays (the maximum in log order)', () => {
    expect(watermarkAfter(RECEIVED, RECEIVED - 5 * HOUR, RECEIVED)).toBe(RECEIVED);
  });

  it('given a record dated years ahead, when read, then the watermark moves only to receivedAt + 24 h', () => {
    const years = RECEIVED + 5 * 365 * 24 * HOUR;
    expect(watermarkAfter(RECEIVED - HOUR, years, RECEIVED)).toBe(RECEIVED + 24 * HOUR);
  });

  it('given a year-9999 watermark from an old checkpoint, when any record is read, then it is clamped to that record’s receivedAt + 24 h', () => {
    const stored = Date.parse('9999-12-31T00:00:00Z');
    expect(watermarkAfter(stored, RECEIVED, RECEIVED)).toBe(RECEIVED + 24 * HOUR);
    expect(watermarkAfter(stored, null, RECEIVED)).toBe(RECEIVED + 24 * HOUR);
  });

  it('given a record that cannot be used, when read, then the watermark does not advance', () => {
    expect(watermarkAfter(null, null, RECEIVED)).toBeNull();
    expect(watermarkAfter(RECEIVED - HOUR, Number.NaN, RECEIVED)).toBe(RECEIVED - HOUR);
  });

  it('given a receivedAt outside 2000…2100, when read, then it justifies nothing and bounds nothing', () => {
    expect(justifiedTime(0)).toBeNull();
    expect(justifiedTime(Date.parse('2200-01-01T00:00:00Z'))).toBeNull();
    expect(watermarkAfter(RECEIVED, null, 0)).toBe(RECEIVED);
  });
});
