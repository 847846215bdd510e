import { ParkedIndex } from './parked-index';

describe('ParkedIndex', () => {
  it('given entries in any order, when listing, then they are sorted by time then order key', () => {
    const index = new ParkedIndex([
      { orderKey: 'b', since: 20 },
      { orderKey: 'c', since: 10 },
      { orderKey: 'a', since: 20 },
    ]);
    expect(index.entries().map((e) => e.orderKey)).toEqual(['c', 'a', 'b']);
  });

  it('given an order moves to a later time, when due orders are listed, then only those at or before the cutoff come, oldest first', () => {
    const index = new ParkedIndex();
    index.set('x', 5);
    index.set('y', 7);
    index.set('z', 9);
    index.set('x', 8);
    expect(index.dueAt(8)).toEqual(['y', 'x']);
    expect(index.dueAt(4)).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('given an order whose parked notifications are gone, when set to null, then it leaves the index', () => {
    const index = new ParkedIndex([{ orderKey: 'x', since: 1 }]);
    index.set('x', null);
    index.set('never-parked', null);
    expect(index.size).toBe(0);
    expect(index.dueAt(100)).toEqual([]);
  });

  it('given a clone, when the clone changes, then the original does not', () => {
    const index = new ParkedIndex([{ orderKey: 'x', since: 1 }]);
    const copy = index.clone();
    copy.set('y', 0);
    copy.set('x', null);
    expect(index.entries()).toEqual([{ orderKey: 'x', since: 1 }]);
    expect(copy.entries()).toEqual([{ orderKey: 'y', since: 0 }]);
  });
});
