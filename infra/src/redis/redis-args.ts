/** What varies in a locally started Redis. */
export interface RedisLayout {
  readonly host: string;
  readonly port: number;
  /** Working directory (Redis must not write into the repository). */
  readonly dir: string;
  /** From REDIS_URL; '' for none. */
  readonly password: string;
}

/**
 * `redis-server` arguments: loopback only, nothing persisted (Redis holds caches and
 * projections only: the design says wiping it loses nothing), in the foreground so the pid we
 * record is the server's own.
 */
export function redisServerArgs(layout: RedisLayout): readonly string[] {
  return [
    '--port',
    String(layout.port),
    '--bind',
    layout.host,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    '--dir',
    layout.dir,
    ...(layout.password === '' ? [] : ['--requirepass', layout.password]),
  ];
}
