export {
  createRedisClient,
  quitRedis,
  redisOptions,
  redisReadiness,
  type RedisClientOptions,
} from './client';
export { deleteKeysByPrefix, escapeGlob } from './keys';
export { RedisError, toRedisError, type RedisErrorCode } from './redis-error';
export type { Redis } from 'ioredis';
