import type { Schema } from 'avsc';
import { checkBackwardCompatibility, isBackwardCompatible } from './compatibility';

const record = (fields: unknown[]): Schema =>
  ({ type: 'record', name: 'RefundApplied', namespace: 'io.clawback', fields }) as Schema;

const v1 = record([
  { name: 'orderKey', type: 'string' },
  { name: 'amount', type: 'long' },
  { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['partial', 'full'] } },
]);

describe('isBackwardCompatible (new reader, old data)', () => {
  it('accepts the same schema', () => {
    expect(isBackwardCompatible(v1, v1)).toBe(true);
  });

  it('accepts an added field with a default and a removed field', () => {
    const v2 = record([
      { name: 'orderKey', type: 'string' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['partial', 'full'] } },
      { name: 'reason', type: ['null', 'string'], default: null },
    ]);
    expect(isBackwardCompatible(v2, v1)).toBe(true);
  });

  it('accepts a type promotion (int written, long read)', () => {
    const intAmount = record([{ name: 'amount', type: 'int' }]);
    const longAmount = record([{ name: 'amount', type: 'long' }]);
    expect(isBackwardCompatible(longAmount, intAmount)).toBe(true);
    expect(isBackwardCompatible(intAmount, longAmount)).toBe(false);
  });

  it('refuses an added field without a default, with a reason', () => {
    const v2 = record([
      { name: 'orderKey', type: 'string' },
      { name: 'amount', type: 'long' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['partial', 'full'] } },
      { name: 'currency', type: 'string' },
    ]);
    const result = checkBackwardCompatibility(v2, v1);
    expect(result.compatible).toBe(false);
    expect(!result.compatible && result.reason).toMatch(/currency/);
  });

  it('refuses a removed enum symbol old data may contain', () => {
    const v2 = record([
      { name: 'orderKey', type: 'string' },
      { name: 'amount', type: 'long' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['partial'] } },
    ]);
    expect(isBackwardCompatible(v2, v1)).toBe(false);
  });

  it('refuses a changed type', () => {
    const v2 = record([
      { name: 'orderKey', type: 'long' },
      { name: 'amount', type: 'long' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['partial', 'full'] } },
    ]);
    expect(isBackwardCompatible(v2, v1)).toBe(false);
  });
});
