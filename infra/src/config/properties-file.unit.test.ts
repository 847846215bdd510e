import { renderProperties } from './properties-file';

describe('renderProperties', () => {
  it('writes one key=value line per entry, in order, after the header comments', () => {
    const text = renderProperties(
      [
        ['b', 2],
        ['a', true],
      ],
      ['hello'],
    );
    expect(text).toBe('# hello\nb=2\na=true\n');
  });

  it('escapes backslashes and newlines, and separators in keys', () => {
    expect(renderProperties([['k=1 x', 'C:\\data\nnext']])).toBe('k\\=1\\ x=C:\\\\data\\nnext\n');
  });
});
