import { CommissionError } from '../commission-error';
import type { AffiliateLedgerPage } from '../ledger/read-ledger';
import { parseLedgerArguments, runLedgerCommand } from './ledger-command';
import { ledgerReport } from './ledger-report';
import { textTable } from '@clawback/text-table';

describe('ledger command line', () => {
  it('reads the affiliate and the page options', () => {
    expect(parseLedgerArguments(['shop', 'aff-1', '--limit', '20', '--cursor=40'])).toEqual({
      command: 'ledger',
      merchantId: 'shop',
      affiliateId: 'aff-1',
      page: { cursor: 40, limit: 20 },
    });
    expect(parseLedgerArguments(['shop', 'aff-1'])).toMatchObject({
      page: { cursor: 0, limit: 100 },
    });
    expect(parseLedgerArguments(['--help'])).toEqual({ command: 'help' });
    expect(parseLedgerArguments(['shop', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [['shop'], /expected a merchant id and an affiliate id, got 1/],
    [['shop', 'a', 'b'], /got 3/],
    [['shop', 'a', '--limit'], /--limit <value>' argument missing/],
    [['shop', 'a', '--x'], /Unknown option '--x'/],
    [['shop', 'a', '--limit', '5000'], /--limit must be a whole number from 1 to/],
  ])('refuses %p, naming the problem, with the usage', (args, problem) => {
    let error: unknown;
    try {
      parseLedgerArguments(args);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CommissionError);
    expect(error).toMatchObject({ code: 'invalid_arguments' });
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).toContain('usage: npm run commissions:ledger');
  });

  it('prints the usage for --help and exits 1 for a usage error, before reading any configuration', async () => {
    const written = { out: '', err: '' };
    const output = {
      out: (text: string) => (written.out += text),
      err: (text: string) => (written.err += text),
    };
    // An empty environment: Redis settings are never needed to print the usage.
    expect(await runLedgerCommand(['--help'], {}, output)).toBe(0);
    expect(written.out).toContain('exit status: 0 printed');
    expect(await runLedgerCommand(['shop'], {}, output)).toBe(1);
    expect(written.err).toContain('usage: npm run commissions:ledger');
  });
});

describe('ledger report', () => {
  it('aligns columns and trims trailing spaces', () => {
    expect(
      textTable(
        [
          { header: 'name', align: 'left' },
          { header: 'n', align: 'right' },
        ],
        [
          ['a', '1'],
          ['long', '100'],
        ],
      ),
    ).toBe('name    n\na       1\nlong  100');
  });

  it('prints balances and entries in decimal units, and how to get the next page', () => {
    const page: AffiliateLedgerPage = {
      merchantId: 'shop',
      affiliateId: 'aff-1',
      balances: [{ currency: 'EUR', balance: -120, earned: 300, reversed: 420, reinstated: 0 }],
      entries: [
        {
          index: 0,
          adjustmentId: 'x:CommissionReversed',
          type: 'CommissionReversed',
          reason: 'refund_full',
          orderKey: '2checkout:shop:1',
          provider: '2checkout',
          orderRef: '1',
          sourceEventId: 'x',
          sourceEventType: 'RefundApplied',
          currency: 'EUR',
          amount: -420,
          earnedTotal: 420,
          reversedTotal: 420,
          heldTotal: 0,
          earnedFrom: null,
          occurredAt: '2026-01-15T10:00:00.000Z',
          balanceAfter: -120,
        },
      ],
      totalEntries: 2,
      nextCursor: '1',
    };
    const report = ledgerReport(page);
    expect(report).toMatch(/^EUR\s+-1\.20\s+3\.00\s+4\.20\s+0\.00$/m);
    expect(report).toMatch(
      /^0\s+2026-01-15T10:00:00\.000Z\s+CommissionReversed\s+refund_full\s+2checkout:shop:1\s+EUR\s+-4\.20\s+-1\.20$/m,
    );
    expect(report).toMatch(/next page: --cursor 1/);
  });
});
