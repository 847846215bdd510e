import { censor, redactKeys } from './redact-keys';

describe('redactKeys', () => {
  it('redacts sensitive keys at any depth, in any spelling, inside arrays', () => {
    const input = {
      a: { b: { c: { d: { e: { Customer_Email: 'x@y.z', keep: 1 } } } } },
      items: [{ IPADDRESS: '1.2.3.4' }, 'plain'],
      'X-Avangate-Authentication': 'code',
    };
    expect(redactKeys(input)).toEqual({
      a: { b: { c: { d: { e: { Customer_Email: censor, keep: 1 } } } } },
      items: [{ IPADDRESS: censor }, 'plain'],
      'X-Avangate-Authentication': censor,
    });
  });

  it('never mutates the caller and returns untouched objects as they are', () => {
    const nested = { email: 'x@y.z' };
    const input = { nested, clean: { amount: 1 } };
    const output = redactKeys(input) as typeof input;
    expect(nested.email).toBe('x@y.z');
    expect(output.clean).toBe(input.clean);
    const clean = { a: [1, 2], b: { c: 'd' } };
    expect(redactKeys(clean)).toBe(clean);
  });

  it('leaves class instances to the serializers', () => {
    const error = new Error('x');
    expect(redactKeys({ err: error })).toEqual({ err: error });
  });
});
