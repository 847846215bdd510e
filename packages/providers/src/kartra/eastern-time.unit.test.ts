import { kartraDateToUtc } from './eastern-time';

describe('Kartra transaction_date (US Eastern, America/New_York)', () => {
  it('is UTC-5 in winter and UTC-4 in summer', () => {
    expect(kartraDateToUtc('2026-01-31 09:30:00')).toBe('2026-01-31T14:30:00Z');
    expect(kartraDateToUtc('2026-07-04 09:30:00')).toBe('2026-07-04T13:30:00Z');
  });

  it('reads the repeated autumn hour as the earlier (EDT) instant', () => {
    // 2026-11-01 01:30 happens twice in New York: 05:30Z (EDT) and 06:30Z (EST).
    expect(kartraDateToUtc('2026-11-01 01:30:00')).toBe('2026-11-01T05:30:00Z');
    expect(kartraDateToUtc('2026-11-01 02:30:00')).toBe('2026-11-01T07:30:00Z');
  });

  it('reads the skipped spring hour with the offset before the gap (EST)', () => {
    // 2026-03-08 02:30 does not exist in New York.
    expect(kartraDateToUtc('2026-03-08 02:30:00')).toBe('2026-03-08T07:30:00Z');
    expect(kartraDateToUtc('2026-03-08 03:30:00')).toBe('2026-03-08T07:30:00Z');
  });

  it.each(['2026-01-31', '31/01/2026 09:30:00', '2026-02-30 10:00:00', '2026-01-31 24:00:00'])(
    'refuses %s as invalid_date',
    (raw) => {
      expect(() => kartraDateToUtc(raw)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    },
  );
});
