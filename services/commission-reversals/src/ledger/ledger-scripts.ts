import type { Redis } from '@clawback/redis';

/**
 * Books one adjustment, once. KEYS: entries, totals, booked (one affiliate, one slot).
 * ARGV: adjustmentId, currency, signed amount, total field (`earned`, `reversed`,
 * `reinstated`), absolute amount, entry JSON. Amounts stay strings end to end: Lua prints
 * numbers above 10^14 in exponent form, which HINCRBY would refuse.
 * Returns {1, index} when booked, {0, index} when the id was booked before.
 */
const BOOK = `
local booked = redis.call('HGET', KEYS[3], ARGV[1])
if booked then return {0, tonumber(booked)} end
local balance = redis.call('HINCRBY', KEYS[2], 'balance:' .. ARGV[2], ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[4] .. ':' .. ARGV[2], ARGV[5])
local entry = string.sub(ARGV[6], 1, -2) .. ',"balanceAfter":' .. string.format('%d', balance) .. '}'
local index = redis.call('RPUSH', KEYS[1], entry) - 1
redis.call('HSET', KEYS[3], ARGV[1], index)
return {1, index}
`;

/**
 * Moves a partition's stored position from ARGV[1] (`''`: absent) to ARGV[2], only if it is
 * still there. Returns {1} when moved, {0, current or ''} when not.
 */
const ADVANCE = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return {0, current} end
redis.call('SET', KEYS[1], ARGV[2])
return {1}
`;

/** The ledger's scripts as ioredis commands (EVALSHA, loaded on first use). */
export interface LedgerCommands {
  bookCommission(
    entries: string,
    totals: string,
    booked: string,
    adjustmentId: string,
    currency: string,
    amount: string,
    totalField: string,
    magnitude: string,
    entryJson: string,
  ): Promise<[number, number]>;
  advanceLedgerPosition(key: string, expected: string, next: string): Promise<[number, string?]>;
}

/** A Redis client with the ledger's scripts. */
export type LedgerRedis = Redis & LedgerCommands;

/** Defines the ledger's scripts on `redis` (idempotent) and returns it typed with them. */
export function withLedgerCommands(redis: Redis): LedgerRedis {
  const commands = redis as LedgerRedis;
  if (typeof commands.bookCommission !== 'function') {
    redis.defineCommand('bookCommission', { numberOfKeys: 3, lua: BOOK });
    redis.defineCommand('advanceLedgerPosition', { numberOfKeys: 1, lua: ADVANCE });
  }
  return commands;
}
