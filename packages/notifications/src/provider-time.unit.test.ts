import {
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  PROVIDER_TIME_FUTURE_SKEW_MS,
  providerTimeCeiling,
  providerTimeProblem,
} from './provider-time';

const RECEIVED = Date.parse('2026-01-31T15:00:00.000Z');
const plausible = (occurredAt: string, ...receivedAt: [number | undefined] | []) =>
  providerTimeProblem(occurredAt, receivedAt.length === 0 ? RECEIVED : receivedAt[0]) === undefined;

describe('plausible provider time', () => {
  it('given a time up to 24 h after receivedAt, when checked, then it is plausible', () => {
    expect(plausible('2026-01-31T15:00:00Z')).toBe(true);
    expect(plausible('2026-02-01T15:00:00Z')).toBe(true);
    expect(plausible('2003-05-01T00:00:00Z')).toBe(true);
  });

  it('given a time one second beyond receivedAt + 24 h, when checked, then it is implausible', () => {
    expect(providerTimeProblem('2026-02-01T15:00:01Z', RECEIVED)).toBe(
      'provider time 2026-02-01T15:00:01Z is outside 2000-01-01T00:00:00.000Z … 2026-02-01T15:00:00.000Z (received 2026-01-31T15:00:00.000Z)',
    );
  });

  it('given a far-future or five-digit-year time, when checked, then it is implausible', () => {
    expect(plausible('9999-12-31T00:00:00Z')).toBe(false);
    expect(plausible('+010000-01-01T00:00:00Z')).toBe(false);
    expect(plausible('+010000-01-01T00:00:00Z', undefined)).toBe(false);
  });

  it('given a time before 2000 or a text that is no ISO UTC time, when checked, then it is implausible', () => {
    expect(plausible('1999-12-31T23:59:59Z')).toBe(false);
    expect(plausible('1970-01-01T00:00:00Z')).toBe(false);
    expect(plausible('not a date')).toBe(false);
    expect(plausible('2026-01-31T10:00:00-05:00')).toBe(false);
  });

  it('given no receivedAt, when checked, then only the absolute bounds apply', () => {
    expect(plausible('2099-12-31T23:59:59Z', undefined)).toBe(true);
    expect(plausible('2100-01-01T00:00:01Z', undefined)).toBe(false);
  });

  it('given an absurd receivedAt, when checked, then the absolute bounds still hold', () => {
    expect(plausible('2026-01-31T00:00:00Z', 0)).toBe(false);
    expect(plausible('2100-06-01T00:00:00Z', Date.parse('9999-01-01T00:00:00Z'))).toBe(false);
    expect(plausible('2026-01-31T00:00:00Z', NaN)).toBe(true);
  });

  it('providerTimeCeiling is receivedAt + 24 h, capped at the absolute latest time', () => {
    expect(PROVIDER_TIME_FUTURE_SKEW_MS).toBe(86_400_000);
    expect(providerTimeCeiling(RECEIVED)).toBe(RECEIVED + PROVIDER_TIME_FUTURE_SKEW_MS);
    expect(providerTimeCeiling(8.64e15)).toBe(LATEST_PROVIDER_TIME_MS);
    expect(EARLIEST_PROVIDER_TIME_MS).toBe(Date.parse('2000-01-01T00:00:00Z'));
  });
});
