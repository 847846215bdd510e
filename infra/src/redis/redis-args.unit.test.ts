import { redisServerArgs } from './redis-args';

describe('redisServerArgs', () => {
  const layout = { host: '127.0.0.1', port: 6380, dir: '/c/redis', password: '' };

  it('binds loopback, persists nothing and stays in the foreground', () => {
    expect(redisServerArgs(layout)).toEqual([
      '--port',
      '6380',
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--dir',
      '/c/redis',
    ]);
  });

  it('requires the password REDIS_URL carries', () => {
    expect(redisServerArgs({ ...layout, password: 'pw' }).slice(-2)).toEqual([
      '--requirepass',
      'pw',
    ]);
  });
});
