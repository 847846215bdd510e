import type { Redis } from '@clawback/redis';

/**
 * Records a completed cancellation unless the subscription has one (the first wins) and returns
 * the one that holds. KEYS: the record hash. ARGV: field, JSON. Writing into a hash that was
 * lost recreates it without `ready`, which the next read takes as "rebuild first".
 */
const RECORD = `
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
return redis.call('HGET', KEYS[1], ARGV[1])
`;

/**
 * Opens (or joins) the rebuild of the record hash KEYS[1]: adopts its epoch, or sets ARGV[1]
 * when it has none. ARGV[2..]: the `rebuilt:<partition>` fields wanted. Returns {ready ('1' or
 * ''), epoch, position or '' per field asked}.
 */
const BEGIN = `
local epoch = redis.call('HGET', KEYS[1], 'epoch')
if not epoch then
  epoch = ARGV[1]
  redis.call('HSET', KEYS[1], 'epoch', epoch)
end
local reply = {redis.call('HGET', KEYS[1], 'ready') or '', epoch}
for i = 2, #ARGV do table.insert(reply, redis.call('HGET', KEYS[1], ARGV[i]) or '') end
return reply
`;

/**
 * Writes facts read by the rebuild of epoch ARGV[1] and its position ARGV[3] for partition
 * ARGV[2], only if the hash KEYS[1] still has that epoch (it was not lost meanwhile).
 * ARGV[4..]: field, JSON pairs. Returns 1 when written, 0 when the epoch is gone.
 */
const WRITE = `
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then return 0 end
for i = 4, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'rebuilt:' .. ARGV[2], ARGV[3])
return 1
`;

/** Marks the hash KEYS[1] complete if it still has epoch ARGV[1]. Returns 1, or 0 when lost. */
const FINISH = `
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'ready', '1')
return 1
`;

/** The record's scripts as ioredis commands. */
interface CompletedCommands {
  recordCompletedCancellation(key: string, field: string, json: string): Promise<string>;
  beginCompletedRebuild(
    key: string,
    candidateEpoch: string,
    ...positionFields: string[]
  ): Promise<string[]>;
  writeCompletedRebuild(key: string, ...args: string[]): Promise<number>;
  finishCompletedRebuild(key: string, epoch: string): Promise<number>;
}

/** A Redis client with the record's scripts. */
export type CompletedRedis = Redis & CompletedCommands;

/** Defines the record's scripts on `redis` (idempotent) and returns it typed with them. */
export function withCompletedCommands(redis: Redis): CompletedRedis {
  const commands = redis as CompletedRedis;
  if (typeof commands.recordCompletedCancellation !== 'function') {
    redis.defineCommand('recordCompletedCancellation', { numberOfKeys: 1, lua: RECORD });
    redis.defineCommand('beginCompletedRebuild', { numberOfKeys: 1, lua: BEGIN });
    redis.defineCommand('writeCompletedRebuild', { numberOfKeys: 1, lua: WRITE });
    redis.defineCommand('finishCompletedRebuild', { numberOfKeys: 1, lua: FINISH });
  }
  return commands;
}
