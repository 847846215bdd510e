import { ConfigError } from '@clawback/config';
import { loadWorkerCount, MAX_INGRESS_WORKERS } from './worker-count';

describe('INGRESS_WORKERS', () => {
  it('defaults to the available cores', () => {
    expect(loadWorkerCount({}, 2)).toBe(2);
    expect(loadWorkerCount({ INGRESS_WORKERS: ' ' }, 6)).toBe(6);
    expect(loadWorkerCount({}, 1000)).toBe(MAX_INGRESS_WORKERS);
  });

  it('takes an explicit count, 1 meaning no cluster', () => {
    expect(loadWorkerCount({ INGRESS_WORKERS: '1' }, 8)).toBe(1);
    expect(loadWorkerCount({ INGRESS_WORKERS: '3' }, 2)).toBe(3);
  });

  it.each(['0', '-1', '1.5', 'two', '257'])('refuses %s with config_invalid', (text) => {
    expect(() => loadWorkerCount({ INGRESS_WORKERS: text }, 2)).toThrow(ConfigError);
    expect(() => loadWorkerCount({ INGRESS_WORKERS: text }, 2)).toThrow(/INGRESS_WORKERS/);
  });
});
