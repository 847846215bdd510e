import { maskJsonLine, maskText, passesLuhn } from './mask-text';

describe('maskText', () => {
  it.each([
    ['mail a.b+c@sub.example.co.uk now', 'mail [email] now'],
    ['from 10.0.0.1:443', 'from [ip]:443'],
    ['from ::1 and fe80::1', 'from [ip] and [ip]'],
    ['card 5555-5555-5555-4444!', 'card [card]!'],
    ['call +1 (555) 010-9999', 'call [phone]'],
  ])('%s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    'order 123456789 at 2024-05-01T12:34:56.000Z',
    'offset 1234567890123',
    'version 1.2.3',
    'Foo::bar',
    '12:34:56',
  ])('leaves %s alone', (input) => {
    expect(maskText(input)).toBe(input);
  });

  it('checks Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('touches only string literals of a JSON line', () => {
    const line = '{"time":4111111111111111,"msg":"card 4111111111111111"}';
    expect(JSON.parse(maskJsonLine(line))).toEqual({ time: 4111111111111111, msg: 'card [card]' });
  });

  it('leaves the values of known id keys untouched and masks free text beside them', () => {
    const line =
      '{"ingressId":"4111111111111111","notificationId":"2checkout:4111111111111111",' +
      '"orderKey":"2checkout:m1:4111111111111111","offset":"4111111111111111",' +
      '"msg":"card 4111111111111111","note":"4111111111111111"}';

    expect(JSON.parse(maskJsonLine(line))).toEqual({
      ingressId: '4111111111111111',
      notificationId: '2checkout:4111111111111111',
      orderKey: '2checkout:m1:4111111111111111',
      offset: '4111111111111111',
      msg: 'card [card]',
      note: '[card]',
    });
  });

  it('masks a string after an id key whose value is not a string', () => {
    const line = '{"offset":12,"msg":"mail a@b.example"}';
    expect(JSON.parse(maskJsonLine(line))).toEqual({ offset: 12, msg: 'mail [email]' });
  });
});
