import { stopOrder } from './down';

describe('stopOrder', () => {
  it('stops in reverse start order', () => {
    expect(stopOrder(['redis', 'kafka', 'registry'], ['kafka'])).toEqual([
      'registry',
      'kafka',
      'redis',
    ]);
  });

  it('also stops recorded cluster nodes the settings do not name, first', () => {
    expect(stopOrder(['redis', 'kafka', 'registry'], ['kafka-1', 'kafka-2', 'redis'])).toEqual([
      'kafka-1',
      'kafka-2',
      'registry',
      'kafka',
      'redis',
    ]);
  });
});
