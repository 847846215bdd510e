export { createRedisClient, quitRedis, redisReadiness } from './client';
export { deleteKeysByPrefix, escapeGlob } from './keys';
export { toRedisError } from './redis-error';
export type { Redis } from 'ioredis';
