import { markdownTable } from './markdown-table';

describe('markdownTable', () => {
  it('marks right-aligned columns and escapes pipes in cells', () => {
    const table = markdownTable(
      [
        { header: 'run', align: 'left' },
        { header: 'per second', align: 'right' },
      ],
      [
        ['ours', '1,234'],
        ['a|b', '1'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '| run | per second |',
      '| --- | ---: |',
      '| ours | 1,234 |',
      '| a\\|b | 1 |',
    ]);
  });

  it('prints the header and rule of a table without rows', () => {
    expect(markdownTable([{ header: 'id', align: 'left' }], [])).toBe('| id |\n| --- |');
  });
});
