import { formatStatus } from './status';

describe('formatStatus', () => {
  it('aligns columns and shouts NO for what does not answer', () => {
    const text = formatStatus([
      { component: 'redis', owner: 'external', address: 'redis://127.0.0.1:6379', answering: true },
      { component: 'kafka', owner: '-', address: '127.0.0.1:19092', answering: false },
    ]);
    expect(text.split('\n')).toEqual([
      'component  process   address                 answering',
      'redis      external  redis://127.0.0.1:6379  yes',
      'kafka      -         127.0.0.1:19092         NO',
    ]);
  });
});
