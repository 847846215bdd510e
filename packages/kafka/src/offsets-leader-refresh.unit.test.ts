import {
  installOffsetsLeaderRefresh,
  isLeadershipAnswer,
  refreshingOnLeaderMove,
} from './offsets-leader-refresh';

/** A kafkajs protocol error of `type`. */
const answer = (type: string) => Object.assign(new Error(type), { type, retriable: true });

/** A lookup that fails with each of `failures` in turn, then answers `result`. */
function lookupFailing(failures: readonly Error[], result = 'offsets') {
  let calls = 0;
  return {
    lookup: () => {
      const failure = failures[calls++];
      return failure ? Promise.reject(failure) : Promise.resolve(result);
    },
    calls: () => calls,
  };
}

const options = { attempts: 4, initialDelayMs: 100, random: () => 0.5, sleep: async () => {} };

describe('refreshingOnLeaderMove', () => {
  it('given the leader moved, when the lookup is answered NOT_LEADER_FOR_PARTITION, then it refreshes the metadata and asks again', async () => {
    const { lookup, calls } = lookupFailing([answer('NOT_LEADER_FOR_PARTITION')]);
    const events: string[] = [];
    const result = await refreshingOnLeaderMove(
      () => (events.push('lookup'), lookup()),
      () => Promise.resolve(void events.push('refresh')),
      options,
    );
    expect(result).toBe('offsets');
    expect(calls()).toBe(2);
    expect(events).toEqual(['lookup', 'refresh', 'lookup']);
  });

  it('given waits before each new lookup, then they grow with full jitter', async () => {
    const waits: number[] = [];
    const { lookup } = lookupFailing([
      answer('LEADER_NOT_AVAILABLE'),
      answer('OFFSET_NOT_AVAILABLE'),
    ]);
    await refreshingOnLeaderMove(lookup, async () => {}, {
      ...options,
      sleep: (ms) => Promise.resolve(void waits.push(ms)),
    });
    expect(waits).toEqual([50, 100]);
  });

  it('given another failure, then it is thrown at once without a refresh', async () => {
    const refused = answer('TOPIC_AUTHORIZATION_FAILED');
    const { lookup, calls } = lookupFailing([refused]);
    let refreshes = 0;
    await expect(
      refreshingOnLeaderMove(lookup, () => Promise.resolve(void refreshes++), options),
    ).rejects.toBe(refused);
    expect(calls()).toBe(1);
    expect(refreshes).toBe(0);
  });

  it('given the leader keeps moving, then the last leadership answer reaches the caller after the bounded attempts', async () => {
    const failures = [1, 2, 3, 4, 5].map(() => answer('NOT_LEADER_FOR_PARTITION'));
    const { lookup, calls } = lookupFailing(failures);
    await expect(refreshingOnLeaderMove(lookup, async () => {}, options)).rejects.toBe(failures[3]);
    expect(calls()).toBe(4);
  });
});

describe('isLeadershipAnswer', () => {
  it('finds a leadership answer inside an aggregate of several brokers', () => {
    const aggregate = Object.assign(new Error('several'), {
      errors: [new Error('other'), answer('FENCED_LEADER_EPOCH')],
    });
    expect(isLeadershipAnswer(aggregate)).toBe(true);
    expect(isLeadershipAnswer(new Error('NOT_LEADER_FOR_PARTITION'))).toBe(false);
    expect(isLeadershipAnswer(undefined)).toBe(false);
  });
});

describe('installOffsetsLeaderRefresh', () => {
  it("wraps kafkajs's cluster offset lookup, once", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Cluster = require('kafkajs/src/cluster') as { prototype: Record<string, unknown> };
    installOffsetsLeaderRefresh();
    const patched = Cluster.prototype.fetchTopicsOffset;
    expect((patched as { name?: string }).name).toBe('refreshingFetchTopicsOffset');
    installOffsetsLeaderRefresh();
    expect(Cluster.prototype.fetchTopicsOffset).toBe(patched);
  });
});
