import { textTable } from './text-table';

describe('textTable', () => {
  it('pads columns to their widest cell, right-aligns numbers and trims line ends', () => {
    const table = textTable(
      [
        { header: 'event', align: 'left' },
        { header: 'amount', align: 'right' },
        { header: 'note', align: 'left' },
      ],
      [
        ['OrderPaid', '120.00', ''],
        ['RefundApplied', '30.00', 'partial'],
      ],
      { headerRule: true },
    );
    expect(table.split('\n')).toEqual([
      'event          amount  note',
      '-------------  ------  -------',
      'OrderPaid      120.00',
      'RefundApplied   30.00  partial',
    ]);
  });

  it('prints only the header and rule when there are no rows', () => {
    expect(textTable([{ header: 'subscription', align: 'left' }], [], { headerRule: true })).toBe(
      'subscription\n------------',
    );
  });

  it('leaves the rule out unless asked for', () => {
    expect(
      textTable(
        [
          { header: 'id', align: 'left' },
          { header: 'n', align: 'right' },
        ],
        [['a', '10']],
      ).split('\n'),
    ).toEqual(['id   n', 'a   10']);
  });
});
