import {
  type PidRecord,
  type ProcessSnapshot,
  isOwnedProcess,
  parseCmdline,
  parseProcStat,
} from './process-ownership';

const record: PidRecord = {
  component: 'kafka',
  pid: 4242,
  startTicks: 987654,
  marker: '-Dclawback.infra=kafka',
  address: '127.0.0.1:19092',
  logFile: '/x/kafka.log',
  startedAt: '2026-01-01T00:00:00.000Z',
};

const running: ProcessSnapshot = {
  pid: 4242,
  cmdline: [
    '/usr/bin/java',
    '-Xmx512m',
    '-Dclawback.infra=kafka',
    'kafka.Kafka',
    'server.properties',
  ],
  startTicks: 987654,
  state: 'S',
};

describe('parseCmdline', () => {
  it('splits NUL-separated arguments and drops the terminator', () => {
    expect(parseCmdline('java\0-cp\0a b\0')).toEqual(['java', '-cp', 'a b']);
  });

  it('keeps an empty argument in the middle', () => {
    expect(parseCmdline('redis-server\0--save\0\0--port\0')).toEqual([
      'redis-server',
      '--save',
      '',
      '--port',
    ]);
  });
});

describe('parseProcStat', () => {
  it('reads state and start time after a command name holding spaces and parentheses', () => {
    const fields = Array.from({ length: 30 }, (_, i) => String(i + 3));
    fields[0] = 'S';
    fields[19] = '123456';
    expect(parseProcStat(`77 (odd) name (x)) ${fields.join(' ')}`)).toEqual({
      state: 'S',
      startTicks: 123456,
    });
  });

  it('gives -1 for an unreadable start time', () => {
    expect(parseProcStat('1 (x) S').startTicks).toBe(-1);
  });
});

describe('isOwnedProcess', () => {
  it('accepts the process the record describes', () => {
    expect(isOwnedProcess(record, running)).toBe(true);
  });

  it('refuses a vanished process', () => {
    expect(isOwnedProcess(record, undefined)).toBe(false);
  });

  it('refuses a recycled pid: same number, another start time', () => {
    expect(isOwnedProcess(record, { ...running, startTicks: 987655 })).toBe(false);
  });

  it('refuses a process that no longer runs our command line', () => {
    expect(isOwnedProcess(record, { ...running, cmdline: ['/usr/bin/java', 'other.Main'] })).toBe(
      false,
    );
  });

  it('refuses a zombie and another pid', () => {
    expect(isOwnedProcess(record, { ...running, state: 'Z' })).toBe(false);
    expect(isOwnedProcess(record, { ...running, pid: 4243 })).toBe(false);
  });
});
