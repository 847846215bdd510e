/**
 * Lua scripts of the snapshot cache. Each checks the lineage token first and changes nothing
 * when it differs (returns -1): a wipe, a restart that lost recent writes or another writer
 * happened since the caller last looked, and the caller must catch up again from the state
 * topic before trusting the cache.
 *
 * Snapshot values are `<20-digit zero-padded state-topic offset><state bytes>`: fixed-width
 * decimal compares like the number, so "newer wins" is a string comparison and a replayed
 * catch-up can never move an order back.
 */

/**
 * KEYS: lineage, caught-up-to, parked, then one key per order.
 * ARGV: expected lineage ('' for none), next lineage, caught-up-to ('' to leave it), then per
 * order: versioned value ('' deletes: a tombstone), parked score ('' when nothing is parked),
 * parked member (the order key).
 */
export const writeSnapshotsScript = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return -1 end
local applied = 0
for i = 4, #KEYS do
  local a = 4 + (i - 4) * 3
  local value, score, member = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local existing = redis.call('GETRANGE', KEYS[i], 0, 19)
  local version = string.sub(value, 1, 20)
  if value == '' or existing == '' or existing < version then
    if value == '' then redis.call('DEL', KEYS[i]) else redis.call('SET', KEYS[i], value) end
    if score == '' then redis.call('ZREM', KEYS[3], member)
    else redis.call('ZADD', KEYS[3], score, member) end
    applied = applied + 1
  end
end
if ARGV[3] ~= '' then
  local upTo = redis.call('GET', KEYS[2])
  if not upTo or tonumber(upTo) < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
end
redis.call('SET', KEYS[1], ARGV[2])
return applied
`;
