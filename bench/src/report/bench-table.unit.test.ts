import { renderMarkdown, renderText, type BenchTable } from './bench-table';

const table: BenchTable = {
  title: 'demo',
  columns: ['run', 'per second'],
  rows: [
    ['ours', '1,234'],
    ['baseline', '56'],
  ],
};

describe('renderText', () => {
  it('aligns text left and figures right under a rule', () => {
    expect(renderText(table).split('\n')).toEqual([
      'demo',
      'run       per second',
      '--------  ----------',
      'ours           1,234',
      'baseline          56',
    ]);
  });
});

describe('renderMarkdown', () => {
  it('right-aligns numeric columns and escapes pipes', () => {
    const md = renderMarkdown({ ...table, rows: [...table.rows, ['a|b', '1']] });
    expect(md.split('\n')).toEqual([
      '**demo**',
      '',
      '| run | per second |',
      '| --- | ---: |',
      '| ours | 1,234 |',
      '| baseline | 56 |',
      '| a\\|b | 1 |',
    ]);
  });
});
