import {
  checkProviderTime,
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  PROVIDER_TIME_FUTURE_SKEW_MS,
  providerTimeCeiling,
} from './provider-time';

const RECEIVED = '2026-01-31T15:00:00.000Z';
const implausible = expect.objectContaining({
  code: 'implausible_provider_time',
  field: 'occurredAt',
  retriable: false,
});

describe('plausible provider time', () => {
  it('given a time up to 24 h after receivedAt, when checked, then it is accepted', () => {
    expect(() => checkProviderTime('2026-01-31T15:00:00Z', RECEIVED)).not.toThrow();
    expect(() => checkProviderTime('2026-02-01T15:00:00Z', RECEIVED)).not.toThrow();
    expect(() => checkProviderTime('2003-05-01T00:00:00Z', RECEIVED)).not.toThrow();
  });

  it('given a time one second beyond receivedAt + 24 h, when checked, then it is implausible', () => {
    expect(() => checkProviderTime('2026-02-01T15:00:01Z', RECEIVED)).toThrow(implausible);
  });

  it('given a far-future or five-digit-year time, when checked, then it is implausible', () => {
    expect(() => checkProviderTime('9999-12-31T00:00:00Z', RECEIVED)).toThrow(implausible);
    expect(() => checkProviderTime('+010000-01-01T00:00:00Z', RECEIVED)).toThrow(implausible);
    expect(() => checkProviderTime('+010000-01-01T00:00:00Z', undefined)).toThrow(implausible);
  });

  it('given a time before 2000 or a text that is no ISO UTC time, when checked, then it is implausible', () => {
    expect(() => checkProviderTime('1999-12-31T23:59:59Z', RECEIVED)).toThrow(implausible);
    expect(() => checkProviderTime('1970-01-01T00:00:00Z', RECEIVED)).toThrow(implausible);
    expect(() => checkProviderTime('not a date', RECEIVED)).toThrow(implausible);
    expect(() => checkProviderTime('2026-01-31T10:00:00-05:00', RECEIVED)).toThrow(implausible);
  });

  it('given no receivedAt, when checked, then only the absolute bounds apply', () => {
    expect(() => checkProviderTime('2099-12-31T23:59:59Z', undefined)).not.toThrow();
    expect(() => checkProviderTime('2100-01-01T00:00:01Z', undefined)).toThrow(implausible);
  });

  it('given an absurd receivedAt, when checked, then the absolute bounds still hold', () => {
    expect(() => checkProviderTime('2026-01-31T00:00:00Z', '1970-01-01T00:00:00Z')).toThrow(
      implausible,
    );
    expect(() => checkProviderTime('2100-06-01T00:00:00Z', '9999-01-01T00:00:00Z')).toThrow(
      implausible,
    );
    expect(() => checkProviderTime('2026-01-31T00:00:00Z', 'yesterday')).toThrow(
      expect.objectContaining({ code: 'invalid_date', field: 'receivedAt' }),
    );
  });

  it('providerTimeCeiling is receivedAt + 24 h, capped at the absolute latest time', () => {
    const received = Date.parse(RECEIVED);
    expect(PROVIDER_TIME_FUTURE_SKEW_MS).toBe(86_400_000);
    expect(providerTimeCeiling(received)).toBe(received + PROVIDER_TIME_FUTURE_SKEW_MS);
    expect(providerTimeCeiling(8.64e15)).toBe(LATEST_PROVIDER_TIME_MS);
    expect(EARLIEST_PROVIDER_TIME_MS).toBe(Date.parse('2000-01-01T00:00:00Z'));
  });
});
