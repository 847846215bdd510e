import type { Redis } from '@clawback/redis';

/**
 * Lua guard shared by the scripts that touch an affiliate: the manifest (KEYS[1]) must exist
 * and the affiliate's entries (KEYS[2]), totals (KEYS[3]) and booked (KEYS[4]) keys must have
 * exactly the size the manifest's field ARGV[1] records. Leaves `count` set.
 */
const AFFILIATE_INTACT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
local count = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if redis.call('LLEN', KEYS[2]) ~= count or redis.call('HLEN', KEYS[4]) ~= count
  or (count > 0 and redis.call('EXISTS', KEYS[3]) == 0) then
  return {-1, count}
end
`;

/**
 * Books adjustments of one affiliate in order, each once, and counts each in the manifest as
 * it is booked. KEYS: manifest, entries, totals, booked. ARGV[1]: the manifest field; then six
 * per adjustment: adjustmentId, currency, signed amount, total field (`earned`, `reversed`,
 * `reinstated`), absolute amount, entry JSON. Amounts stay strings end to end: Lua prints
 * numbers above 10^14 in exponent form, which HINCRBY would refuse. One call per affiliate and
 * batch instead of one per adjustment: the keys, the manifest field and the intact check once.
 * Returns {1, index} per adjustment booked, {0, index} per id booked before (flat, in order),
 * or {-1, expected} when a key is missing or not what the manifest says (a loss: nothing was
 * written for any of them).
 */
const BOOK = `${AFFILIATE_INTACT}
local results = {}
for i = 2, #ARGV, 6 do
  local booked = redis.call('HGET', KEYS[4], ARGV[i])
  if booked then
    results[#results + 1] = 0
    results[#results + 1] = tonumber(booked)
  else
    local balance = redis.call('HINCRBY', KEYS[3], 'balance:' .. ARGV[i + 1], ARGV[i + 2])
    redis.call('HINCRBY', KEYS[3], ARGV[i + 3] .. ':' .. ARGV[i + 1], ARGV[i + 4])
    local entry = string.sub(ARGV[i + 5], 1, -2) .. ',"balanceAfter":' .. string.format('%d', balance) .. '}'
    local index = redis.call('RPUSH', KEYS[2], entry) - 1
    redis.call('HSET', KEYS[4], ARGV[i], index)
    redis.call('HSET', KEYS[1], ARGV[1], index + 1)
    results[#results + 1] = 1
    results[#results + 1] = index
  end
end
return results
`;

/**
 * Checks one affiliate against the manifest without writing (same KEYS and ARGV[1] as BOOK).
 * Returns {1, count} when intact, {-1, count} when not.
 */
const CHECK = `${AFFILIATE_INTACT}
return {1, count}
`;

/**
 * Moves a partition's position (manifest KEYS[1], field ARGV[1]) from ARGV[2] (`''`: absent)
 * to ARGV[3], only if it is still there. Returns {1} when moved, {0, current or ''} when not,
 * {-1} when the manifest is gone.
 */
const ADVANCE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then return {0, current} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return {1}
`;

/**
 * Starts generation ARGV[1] (manifest KEYS[2]) if the marker KEYS[1] still names ARGV[2]
 * (`''`: absent). The manifest KEYS[3] of a generation ARGV[2] given up is deleted either way
 * (replaced here or already not current), so every writer still on it sees the loss.
 * Returns the generation the marker names afterwards (`''` when none).
 */
const START = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[2] then
  if ARGV[2] ~= '' then redis.call('DEL', KEYS[3]) end
  return current
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'created', '1')
if ARGV[2] ~= '' then redis.call('DEL', KEYS[3]) end
return ARGV[1]
`;

/** The ledger's scripts as ioredis commands (EVALSHA, loaded on first use). */
interface LedgerCommands {
  bookCommissions(...keysThenArgs: string[]): Promise<number[]>;
  checkAffiliateLedger(
    manifest: string,
    entries: string,
    totals: string,
    booked: string,
    field: string,
  ): Promise<[number, number]>;
  advanceLedgerPosition(
    manifest: string,
    field: string,
    expected: string,
    next: string,
  ): Promise<[number, string?]>;
  startLedgerGeneration(
    marker: string,
    manifest: string,
    replacedManifest: string,
    generation: string,
    expected: string,
  ): Promise<string>;
}

/** A Redis client with the ledger's scripts. */
export type LedgerRedis = Redis & LedgerCommands;

/** Defines the ledger's scripts on `redis` (idempotent) and returns it typed with them. */
export function withLedgerCommands(redis: Redis): LedgerRedis {
  const commands = redis as LedgerRedis;
  if (typeof commands.startLedgerGeneration !== 'function') {
    redis.defineCommand('bookCommissions', { numberOfKeys: 4, lua: BOOK });
    redis.defineCommand('checkAffiliateLedger', { numberOfKeys: 4, lua: CHECK });
    redis.defineCommand('advanceLedgerPosition', { numberOfKeys: 1, lua: ADVANCE });
    redis.defineCommand('startLedgerGeneration', { numberOfKeys: 3, lua: START });
  }
  return commands;
}
