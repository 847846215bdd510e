import { CoordinatorCache } from './transaction-coordinator-cache';

function counting(result: () => Promise<unknown>) {
  let calls = 0;
  const lookup = () => {
    calls++;
    return result();
  };
  return { lookup, calls: () => calls };
}

describe('CoordinatorCache', () => {
  it('given a lookup within the time limit, when asked again, then it answers without asking the cluster', async () => {
    let now = 0;
    const cache = new CoordinatorCache(1000, () => now);
    const { lookup, calls } = counting(() => Promise.resolve({ nodeId: 1 }));
    await cache.get('tx-1', lookup);
    now = 999;
    expect(await cache.get('tx-1', lookup)).toEqual({ nodeId: 1 });
    expect(calls()).toBe(1);
    await cache.get('tx-2', lookup);
    expect(calls()).toBe(2);
  });

  it('given the time limit passed, when asked, then it asks the cluster again', async () => {
    let now = 0;
    const cache = new CoordinatorCache(1000, () => now);
    const { lookup, calls } = counting(() => Promise.resolve({ nodeId: 1 }));
    await cache.get('tx-1', lookup);
    now = 1000;
    await cache.get('tx-1', lookup);
    expect(calls()).toBe(2);
  });

  it('given a failed lookup, when asked again, then it asks the cluster again', async () => {
    const cache = new CoordinatorCache(1000, () => 0);
    let fail = true;
    const { lookup, calls } = counting(() =>
      fail ? Promise.reject(new Error('no coordinator')) : Promise.resolve({ nodeId: 2 }),
    );
    await expect(cache.get('tx-1', lookup)).rejects.toThrow('no coordinator');
    fail = false;
    expect(await cache.get('tx-1', lookup)).toEqual({ nodeId: 2 });
    expect(calls()).toBe(2);
  });

  it('given a request to the coordinator failed, when forgotten, then the next lookup asks the cluster', async () => {
    const cache = new CoordinatorCache(1000, () => 0);
    const { lookup, calls } = counting(() => Promise.resolve({ nodeId: 1 }));
    await cache.get('tx-1', lookup);
    cache.forget('tx-1');
    await cache.get('tx-1', lookup);
    expect(calls()).toBe(2);
  });
});
