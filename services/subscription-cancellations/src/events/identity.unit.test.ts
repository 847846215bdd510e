import { cancellationEventId, idempotencyKeyFor, subscriptionKey } from './identity';

const sub = { provider: '2checkout', merchantId: 'm1', subscriptionRef: 'XRILXB9ZI3' };

describe('cancellation identities', () => {
  it('derives readable, deterministic event ids', () => {
    expect(cancellationEventId('SubscriptionCancelled', 'n-1#0', 'XRILXB9ZI3')).toBe(
      'SubscriptionCancelled:n-1#0:XRILXB9ZI3',
    );
  });

  it('keeps event ids unambiguous whatever the ref contains', () => {
    const a = cancellationEventId('SubscriptionCancelled', 'a:b', 'c');
    const b = cancellationEventId('SubscriptionCancelled', 'a', 'b:c');
    expect(a).not.toBe(b);
  });

  it('gives one idempotency key per subscription and causing event', () => {
    const key = idempotencyKeyFor(sub, 'n-1#0');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyFor(sub, 'n-1#0')).toBe(key);
    expect(idempotencyKeyFor(sub, 'n-2#0')).not.toBe(key);
    expect(idempotencyKeyFor({ ...sub, merchantId: 'm2' }, 'n-1#0')).not.toBe(key);
  });

  it('keys subscriptions by provider account', () => {
    expect(subscriptionKey(sub)).toBe('2checkout:m1:XRILXB9ZI3');
  });
});
