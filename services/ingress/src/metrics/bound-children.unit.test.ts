import { boundChildren } from './bound-children';

describe('boundChildren', () => {
  it('makes one child per pair of label values and hands the same one out again', () => {
    const made: string[] = [];
    const child = boundChildren((a, b) => {
      made.push(`${a}/${b}`);
      return { labels: [a, b] };
    });
    const first = child('2checkout', 'published');
    expect(child('2checkout', 'published')).toBe(first);
    expect(child('2checkout', 'duplicate')).not.toBe(first);
    expect(child('kartra', 'published')).toEqual({ labels: ['kartra', 'published'] });
    expect(made).toEqual(['2checkout/published', '2checkout/duplicate', 'kartra/published']);
  });
});
