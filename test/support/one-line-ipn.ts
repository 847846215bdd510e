import { type TwoCheckoutIpnInput, twoCheckoutIpn } from '@clawback/providers/testing';

/**
 * A signed 2Checkout IPN of one USD line (one unit, `IPN_QTY[]=1`) at `amount` for order
 * `refno` (refunds: a negative amount, as 2Checkout sends them); `extra` adds or overrides
 * fields (status, affiliate, refund type, …).
 */
export const oneLineIpn = (
  secretKey: string,
  refno: string,
  amount: string,
  ipnDate: string,
  extra: Partial<TwoCheckoutIpnInput> = {},
) =>
  twoCheckoutIpn(
    {
      refno,
      currency: 'USD',
      lines: [{ pid: '40898000', name: 'Pro plan', qty: 1, price: amount }],
      ipnDate,
      ...extra,
    },
    { secretKey },
  );
