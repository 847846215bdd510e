import { isLockStale } from './command-lock';

describe('isLockStale', () => {
  const holder = { pid: 10, startTicks: 500 };

  it('keeps a lock whose holder still runs', () => {
    expect(isLockStale(holder, { pid: 10, cmdline: [], startTicks: 500, state: 'S' })).toBe(false);
  });

  it('drops a lock whose holder is gone, a zombie, or whose pid was reused', () => {
    expect(isLockStale(holder, undefined)).toBe(true);
    expect(isLockStale(holder, { pid: 10, cmdline: [], startTicks: 500, state: 'Z' })).toBe(true);
    expect(isLockStale(holder, { pid: 10, cmdline: [], startTicks: 501, state: 'S' })).toBe(true);
  });
});
