import { type TwoCheckoutIpnInput, twoCheckoutIpn } from '@clawback/providers/testing';
import { DEMO_MERCHANTS, DEMO_SECRETS } from '../merchants/demo-merchants';
import type { NotificationRoute } from './notification-route';
import { type DemoOrder, type StoryStep, orderKeyOf } from './story-step';
import { withTwoCheckoutFields } from './two-checkout-fields';

const route: NotificationRoute = { provider: '2checkout', merchantId: DEMO_MERCHANTS.northwind };
const signing = {
  secretKey: DEMO_SECRETS.DEMO_NORTHWIND_2CHECKOUT_SECRET_KEY,
  algorithm: 'all',
} as const;

interface Sale {
  readonly refno: string;
  readonly product: string;
  readonly subscription: string;
  readonly affiliate: string;
}

/** One order's IPNs: every one names the order's product line and subscription. */
function orderOf(sale: Sale) {
  const order: DemoOrder = {
    orderKey: orderKeyOf(route, sale.refno),
    title: `${sale.product}, subscription ${sale.subscription}, affiliate ${sale.affiliate}`,
  };
  const ipn = (amount: string, ipnDate: string, extra: Partial<TwoCheckoutIpnInput> = {}) =>
    twoCheckoutIpn(
      {
        refno: sale.refno,
        currency: 'USD',
        lines: [
          {
            pid: '40898000',
            name: sale.product,
            qty: 1,
            price: amount,
            licenseRef: sale.subscription,
          },
        ],
        affiliateCode: sale.affiliate,
        ipnDate,
        ...extra,
      },
      signing,
    );
  const step = (happened: string, body: StoryStep['body'], expected: string): StoryStep => ({
    order,
    happened,
    route,
    body,
    expected,
  });
  return { ipn, step };
}

/** Partial refunds, a provider retry, an over-refund and the refund of what remains. */
function refundedInSteps(): StoryStep[] {
  const { ipn, step } = orderOf({
    refno: '80000101',
    product: 'Pro plan (yearly)',
    subscription: 'NW-SUB-101',
    affiliate: 'aff-maria',
  });
  const refund = (amount: string, ipnDate: string) =>
    ipn(amount, ipnDate, { status: 'REFUND', refundType: 'PARTIAL' });
  const secondRefund = refund('20.00', '20260304111500');
  return [
    step('sale 120.00 USD', ipn('120.00', '20260302091500'), 'OrderPaid, commission earned'),
    step('partial refund 30.00 USD', refund('30.00', '20260303101000'), 'RefundApplied (partial)'),
    step('partial refund 20.00 USD', secondRefund, 'RefundApplied (partial)'),
    step('the same IPN again (provider retry)', secondRefund, 'duplicate: no event'),
    step(
      'refund 100.00 USD (more than remains)',
      refund('100.00', '20260304120000'),
      'NotificationRejected (over_refund)',
    ),
    step(
      'refund of the remaining 70.00 USD',
      refund('70.00', '20260305143000'),
      'RefundApplied (full), subscription cancelled',
    ),
  ];
}

function chargebackWon(): StoryStep[] {
  const { ipn, step } = orderOf({
    refno: '80000102',
    product: 'Team plan (monthly)',
    subscription: 'NW-SUB-102',
    affiliate: 'aff-maria',
  });
  const dispute = (resolution: string, ipnDate: string) =>
    ipn('80.00', ipnDate, {
      chargebackResolution: resolution,
      chargebackReasonCode: 'PRODUCT_NOT_RECEIVED',
    });
  return [
    step('sale 80.00 USD', ipn('80.00', '20260302100000'), 'OrderPaid, commission earned'),
    step(
      'chargeback opened',
      dispute('OPEN', '20260303090000'),
      'ChargebackOpened, commission held',
    ),
    step(
      'chargeback won',
      dispute('WON', '20260306090000'),
      'ChargebackWon, commission reinstated',
    ),
  ];
}

function chargebackLost(): StoryStep[] {
  const { ipn, step } = orderOf({
    refno: '80000103',
    product: 'Starter plan (monthly)',
    subscription: 'NW-SUB-103',
    affiliate: 'aff-tomas',
  });
  const dispute = (resolution: string, ipnDate: string) =>
    ipn('45.00', ipnDate, { chargebackResolution: resolution, chargebackReasonCode: 'FRAUD' });
  return [
    step('sale 45.00 USD', ipn('45.00', '20260302110000'), 'OrderPaid, commission earned'),
    step(
      'chargeback opened',
      dispute('OPEN', '20260303120000'),
      'ChargebackOpened, commission held',
    ),
    step(
      'chargeback lost',
      dispute('LOST', '20260305120000'),
      'ChargebackLost, subscription cancelled',
    ),
  ];
}

function echeckDenied(): StoryStep[] {
  const { ipn, step } = orderOf({
    refno: '80000104',
    product: 'Pro plan (yearly)',
    subscription: 'NW-SUB-104',
    affiliate: 'aff-tomas',
  });
  const echeck = (status: string, ipnDate: string) =>
    withTwoCheckoutFields(
      ipn('99.00', ipnDate, { status }),
      { PAYMETHOD: 'E-check', PAYMETHOD_CODE: 'ECHECK' },
      signing,
    );
  return [
    step(
      'eCheck payment 99.00 USD, not cleared yet',
      echeck('PENDING', '20260302120000'),
      'PaymentPending',
    ),
    step(
      'eCheck denied by the bank',
      echeck('CANCELED', '20260304090000'),
      'PaymentDenied, subscription cancelled',
    ),
  ];
}

/** Northwind Software sells plans through 2Checkout; every sale has an affiliate. */
export function northwindStory(): StoryStep[] {
  return [...refundedInSteps(), ...chargebackWon(), ...chargebackLost(), ...echeckDenied()];
}
