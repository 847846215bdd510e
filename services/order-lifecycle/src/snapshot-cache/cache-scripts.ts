/**
 * Lua scripts of the snapshot cache, over one manifest hash per partition (ADR 0009). Each
 * checks the manifest's lineage first and changes nothing when it differs (returns -1): a
 * wipe, a restart that lost recent writes or another writer happened since the caller last
 * looked, and the caller must catch up again from the state topic before trusting the cache.
 *
 * Snapshot values are `<20-digit zero-padded state-topic offset><state bytes>`: fixed-width
 * decimal compares like the number, so "newer wins" is a string comparison and a replayed
 * catch-up can never move an order back. The manifest's `o:<orderKey>` holds the same 20
 * digits, so a reader sees whether the order's key still holds what the manifest promises.
 *
 * A read that finds a key lost (the lineage matches but a key disagrees with the manifest)
 * removes the lineage: the cache is then known incomplete, and the next catch-up starts from
 * offset 0 instead of from `caughtUpTo`, which no longer describes the cache.
 */

/**
 * KEYS: manifest, then one key per order. ARGV: lineage, then the order keys.
 * Returns -1, or one value per order (nil: provably no snapshot).
 */
export const readSnapshotsScript = `
if redis.call('HGET', KEYS[1], 'lineage') ~= ARGV[1] then return -1 end
local values = {}
for i = 2, #KEYS do
  local listed = redis.call('HGET', KEYS[1], 'o:' .. ARGV[i])
  if listed then
    local value = redis.call('GET', KEYS[i])
    if not value or string.sub(value, 1, 20) ~= listed then
      redis.call('HDEL', KEYS[1], 'lineage')
      return -1
    end
    values[i - 1] = value
  else
    values[i - 1] = false
  end
end
return values
`;

/**
 * KEYS: manifest, parked. ARGV: lineage. Returns -1, or the parked set WITHSCORES. A parked
 * set whose size differs from the manifest's `parkedCount` lost members (or all of them).
 */
export const readParkedScript = `
if redis.call('HGET', KEYS[1], 'lineage') ~= ARGV[1] then return -1 end
local expected = tonumber(redis.call('HGET', KEYS[1], 'parkedCount') or '0')
if redis.call('ZCARD', KEYS[2]) ~= expected then
  redis.call('HDEL', KEYS[1], 'lineage')
  return -1
end
return redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
`;

/**
 * KEYS: manifest, parked, then one key per order.
 * ARGV: expected lineage ('' for none: a rebuild, which first drops the manifest and the
 * parked set), next lineage, caught-up-to ('' to leave it), then per order: 20-digit version,
 * versioned value ('' deletes: a tombstone), parked score ('' when nothing is parked), order key.
 *
 * A write applies when its version is at least the newer of the key's and the manifest's
 * (equal rewrites the same snapshot, which repairs a lost key during a catch-up). `parkedCount`
 * moves by what ZADD/ZREM report, so once the parked set lost members the difference to ZCARD
 * stays until a rebuild.
 */
export const writeSnapshotsScript = `
local current = redis.call('HGET', KEYS[1], 'lineage')
if (current or '') ~= ARGV[1] then return -1 end
if ARGV[1] == '' then redis.call('DEL', KEYS[1], KEYS[2]) end
local applied, parkedDelta = 0, 0
for i = 3, #KEYS do
  local a = 4 + (i - 3) * 4
  local version, value, score, member = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
  local field = 'o:' .. member
  local newest = redis.call('GETRANGE', KEYS[i], 0, 19)
  local listed = redis.call('HGET', KEYS[1], field)
  if listed and listed > newest then newest = listed end
  if newest <= version then
    if value == '' then
      redis.call('DEL', KEYS[i])
      redis.call('HDEL', KEYS[1], field)
    else
      redis.call('SET', KEYS[i], value)
      redis.call('HSET', KEYS[1], field, version)
    end
    if score == '' then parkedDelta = parkedDelta - redis.call('ZREM', KEYS[2], member)
    else parkedDelta = parkedDelta + redis.call('ZADD', KEYS[2], score, member) end
    applied = applied + 1
  end
end
if parkedDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 'parkedCount', parkedDelta) end
if ARGV[3] ~= '' then
  local upTo = redis.call('HGET', KEYS[1], 'caughtUpTo')
  if not upTo or tonumber(upTo) < tonumber(ARGV[3]) then
    redis.call('HSET', KEYS[1], 'caughtUpTo', ARGV[3])
  end
end
redis.call('HSET', KEYS[1], 'lineage', ARGV[2])
return applied
`;
