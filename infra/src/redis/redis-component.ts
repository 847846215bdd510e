import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../component';
import { isLoopbackHost, urlHost, urlPort } from '../config/addresses';
import type { InfraSettings } from '../config/settings';
import { redisAnswersPing } from '../probe/redis-probe';
import { redisServerArgs } from './redis-args';

/**
 * Redis: whatever answers PING at REDIS_URL is used as it is (on our machines, the system's
 * own Redis); only when nothing does, and the address is loopback, is a `redis-server` started.
 */
export function redisComponent(settings: InfraSettings): Component {
  const { paths } = settings;
  const url = settings.addresses.redisUrl;
  const host = urlHost(url);
  return {
    name: 'redis',
    address: `${url.protocol}//${url.host}`,
    local: isLoopbackHost(host) && url.protocol === 'redis:',
    probe: () => redisAnswersPing(url),
    prepare: () => {
      mkdirSync(paths.redisDir, { recursive: true });
      return Promise.resolve();
    },
    startCommand() {
      return {
        component: 'redis',
        command: 'redis-server',
        args: redisServerArgs({
          host,
          port: urlPort(url),
          dir: paths.redisDir,
          password: decodeURIComponent(url.password),
        }),
        // redis-server rewrites its command line to "redis-server host:port".
        marker: 'redis-server',
        address: `${host}:${urlPort(url)}`,
        logFile: path.join(paths.logsDir, 'redis.log'),
        cwd: paths.redisDir,
      };
    },
  };
}
