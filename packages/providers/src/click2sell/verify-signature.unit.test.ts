import { decodeOrderedForm } from '../form/ordered-form';
import { encodeForm } from '../fixtures/form-body';
import { click2sellChecksum, verifyClick2SellChecksum } from './verify-signature';

const formOf = (pairs: [string, string][]) => decodeOrderedForm(encodeForm(pairs));

describe('Click2Sell checksum', () => {
  it('matches the documented vector (providers.md §3.3)', () => {
    expect(click2sellChecksum('secret', Buffer.from('123'))).toBe(
      'B457E9433F98EF22AA9DD9BA4A5E2B16',
    );
  });

  it('verifies in either hex case and rejects another secret or id', () => {
    const pairs: [string, string][] = [['acquirer_transaction_id', '123']];
    const upper = formOf([...pairs, ['checksum', 'B457E9433F98EF22AA9DD9BA4A5E2B16']]);
    const lower = formOf([...pairs, ['checksum', 'b457e9433f98ef22aa9dd9ba4a5e2b16']]);
    expect(verifyClick2SellChecksum(upper, 'secret')).toEqual({ valid: true });
    expect(verifyClick2SellChecksum(lower, 'secret')).toEqual({ valid: true });
    expect(verifyClick2SellChecksum(upper, 'Secret')).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
    const otherId = formOf([
      ['acquirer_transaction_id', '124'],
      ['checksum', 'B457E9433F98EF22AA9DD9BA4A5E2B16'],
    ]);
    expect(verifyClick2SellChecksum(otherId, 'secret').valid).toBe(false);
  });

  it('needs a checksum and a configured secret', () => {
    const noChecksum = formOf([['acquirer_transaction_id', '123']]);
    expect(verifyClick2SellChecksum(noChecksum, 'secret')).toEqual({
      valid: false,
      reason: 'missing_signature',
    });
    expect(verifyClick2SellChecksum(noChecksum, '')).toEqual({
      valid: false,
      reason: 'secret_not_configured',
    });
  });
});
