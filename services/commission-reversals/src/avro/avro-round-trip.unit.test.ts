import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type } from 'avsc';
import { decideEvents } from '../rules/decide-events';
import { OrderStory } from '../testing/lifecycle-events';
import { testTerms } from '../testing/terms';
import { fromAvroAdjustment, toAvroAdjustment } from './adjustment-avro';
import { fromAvroState, toAvroState } from './state-avro';

const schema = (topic: string) =>
  Type.forSchema(
    JSON.parse(readFileSync(resolve(__dirname, `../../../../schemas/${topic}.avsc`), 'utf8')),
  );
const adjustments = schema('affiliates.commission.adjustments');
const states = schema('affiliates.commission.state');

function story() {
  const order = new OrderStory({ merchantId: 'm', orderRef: '7' });
  const events = [
    order.paidWith(10_000),
    order.refund(2_500),
    order.chargebackOpened(),
    order.chargebackWon(),
    order.chargebackLost(),
  ];
  return decideEvents(new Map(), events, () => testTerms('0.30'));
}

describe('Avro round trip', () => {
  it('keeps every adjustment type through the schema', () => {
    const decided = story();
    expect(new Set(decided.adjustments.map((a) => a.type)).size).toBe(3);
    for (const adjustment of decided.adjustments) {
      const bytes = adjustments.toBuffer(toAvroAdjustment(adjustment));
      expect(fromAvroAdjustment(adjustments.fromBuffer(bytes))).toEqual(adjustment);
    }
  });

  it('skips adjustment types and reasons it does not know', () => {
    const record = toAvroAdjustment(story().adjustments[0]!);
    expect(fromAvroAdjustment({ ...record, type: 'CommissionPaidOut' })).toBeUndefined();
    expect(fromAvroAdjustment({ ...record, reason: 'bonus' })).toBeUndefined();
  });

  it('keeps the order state through the changelog schema', () => {
    for (const [orderKey, state] of story().changed) {
      const bytes = states.toBuffer(toAvroState(orderKey, state));
      expect(fromAvroState(states.fromBuffer(bytes))).toEqual(state);
    }
  });
});
