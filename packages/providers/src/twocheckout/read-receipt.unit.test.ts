import { decodeOrderedForm } from '../form/ordered-form';
import { encodeForm } from '../fixtures/form-body';
import { readReceiptHash, receiptDate, twoCheckoutReadReceipt } from './read-receipt';

// The documented test vector (providers.md §1.9).
const KEY = 'AABBCCDDEEFF';
const DATE = '20050303123434';
const form = decodeOrderedForm(
  encodeForm([
    ['IPN_PID[]', '1'],
    ['IPN_PID[]', '2'],
    ['IPN_PNAME[]', 'Software program'],
    ['IPN_PNAME[]', 'Other'],
    ['IPN_DATE', DATE],
  ]),
);

describe('2Checkout read receipt', () => {
  it('matches the documented MD5 vector and format', () => {
    expect(readReceiptHash(form, KEY, 'md5', DATE)).toBe('7bf97ed39681027d0c45aa45e3ea98f0');
    expect(twoCheckoutReadReceipt(form, KEY, 'md5', DATE)).toBe(
      '<EPAYMENT>20050303123434|7bf97ed39681027d0c45aa45e3ea98f0</EPAYMENT>',
    );
  });

  it('matches the SHA-256 and SHA3-256 vectors in the <sig> format', () => {
    expect(twoCheckoutReadReceipt(form, KEY, 'sha256', DATE)).toBe(
      '<sig algo="sha256" date="20050303123434">ea6f44c39b3d204b59500998fcb9221c92744d9721a94b45fc6d5cda99980176</sig>',
    );
    expect(twoCheckoutReadReceipt(form, KEY, 'sha3-256', DATE)).toBe(
      '<sig algo="sha3-256" date="20050303123434">85180497aaaa4844a278b52b1ce257d2820dbf5857470a5f678fef2266d0d4a8</sig>',
    );
  });

  it('formats DATE as YmdHis in UTC from the injected clock', () => {
    expect(receiptDate(Date.UTC(2005, 2, 3, 12, 34, 34, 999))).toBe(DATE);
    expect(receiptDate(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('20260101000000');
  });
});
