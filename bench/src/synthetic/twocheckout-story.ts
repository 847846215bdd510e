import { formatMinorUnits } from '@clawback/money';
import type { TwoCheckoutIpnInput } from '@clawback/providers/testing';
import { occurredAtMs } from './canonical';
import type { OrderStory, StoryStep } from './order-story';

/** `YmdHis` in UTC, as 2Checkout's IPN_DATE. */
function ipnDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function statusFields(step: StoryStep): Partial<TwoCheckoutIpnInput> {
  switch (step.kind) {
    case 'payment_completed':
      return { status: 'COMPLETE' };
    case 'payment_pending':
      return { status: 'PENDING' };
    case 'refund':
      return { status: 'REFUND', refundType: step.scope === 'total' ? 'FULL' : 'PARTIAL' };
    case 'chargeback_opened':
      return { status: 'COMPLETE', chargebackResolution: 'OPEN', chargebackReasonCode: 'CB-4837' };
    case 'chargeback_won':
      return { status: 'COMPLETE', chargebackResolution: 'WON', chargebackReasonCode: 'CB-4837' };
    case 'chargeback_lost':
      return { status: 'COMPLETE', chargebackResolution: 'LOST', chargebackReasonCode: 'CB-4837' };
    case 'payment_denied':
      return { status: 'REVERSED' };
  }
}

/**
 * The 2Checkout IPN fields of one step of a story (`REFNO` is the order's reference): the
 * same facts {@link canonicalOf} describes, in 2Checkout's wire format. Each step has its own
 * IPN_DATE, so two equal partial refunds are two notifications; a retry renders the same bytes.
 */
export function twoCheckoutInputOf(
  story: OrderStory,
  step: number,
  refno: string,
): TwoCheckoutIpnInput {
  const fact = story.steps[step]!;
  const currency = story.index % 2 === 0 ? 'USD' : 'EUR';
  const quantity = fact.kind === 'refund' ? fact.units : story.quantity;
  return {
    refno,
    currency,
    ipnDate: ipnDate(occurredAtMs(story, step)),
    lines: [
      {
        pid: 'P-1',
        name: 'Course: Kafka in Practice',
        qty: quantity,
        price: formatMinorUnits(story.unitPrice, currency),
        vat: '0.00',
        licenseRef: story.index % 4 === 0 ? `SUB${story.index}` : '',
      },
    ],
    ...(story.index % 3 === 0 ? { affiliateCode: `aff-${story.index % 50}` } : {}),
    ...statusFields(fact),
  };
}
