import { encodeRedisCommand, judgeRedisReplies, redisPingCommands } from './redis-probe';

describe('encodeRedisCommand', () => {
  it('encodes a RESP array of bulk strings, counting bytes not characters', () => {
    expect(encodeRedisCommand(['PING'])).toBe('*1\r\n$4\r\nPING\r\n');
    expect(encodeRedisCommand(['AUTH', 'pä'])).toBe('*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n');
  });
});

describe('redisPingCommands', () => {
  it('only pings without credentials', () => {
    expect(redisPingCommands(new URL('redis://127.0.0.1:6379'))).toEqual([['PING']]);
  });

  it('authenticates with the password, and the user when there is one', () => {
    expect(redisPingCommands(new URL('redis://:s%40cret@h:1'))).toEqual([
      ['AUTH', 's@cret'],
      ['PING'],
    ]);
    expect(redisPingCommands(new URL('redis://app:pw@h:1'))).toEqual([
      ['AUTH', 'app', 'pw'],
      ['PING'],
    ]);
  });
});

describe('judgeRedisReplies', () => {
  it('waits for more while PONG has not arrived', () => {
    expect(judgeRedisReplies('')).toBeUndefined();
    expect(judgeRedisReplies('+OK\r\n')).toBeUndefined();
    expect(judgeRedisReplies('+PO')).toBeUndefined();
  });

  it('passes on PONG and fails on any error reply', () => {
    expect(judgeRedisReplies('+OK\r\n+PONG\r\n')).toBe(true);
    expect(judgeRedisReplies('-NOAUTH Authentication required.\r\n')).toBe(false);
    expect(judgeRedisReplies('-WRONGPASS invalid\r\n+PONG\r\n')).toBe(false);
  });
});
