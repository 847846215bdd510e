import { notification, refund, sale } from '../testing/notifications';
import { given, when } from '../testing/scenario';

describe('duplicates', () => {
  it('given an applied refund, when the provider retries it, then no change and no event', () => {
    const retried = refund(100);
    const before = given(sale(1000), retried);
    const { state, events } = when(before, retried);
    expect(events).toEqual([]);
    expect(state).toEqual(before);
  });

  it('given a rejected notification, when it is retried, then no second rejection', () => {
    const over = refund(5000);
    const before = given(sale(1000), over);
    expect(when(before, over)).toEqual({ state: before, events: [] });
  });

  it('given a parked refund, when it is retried before the sale, then it is parked once', () => {
    const early = refund(100);
    const before = given(early);
    const { state, events } = when(before, early);
    expect(events).toEqual([]);
    expect(state.parked).toHaveLength(1);
  });

  it('given a sale, when the same sale is retried, then one OrderPaid in all', () => {
    const paid = sale(1000);
    expect(when(given(paid), paid).events).toEqual([]);
  });

  it('given an unsupported notification, when it is retried, then it is rejected once', () => {
    const odd = notification('unsupported', { providerStatus: 'WEIRD' });
    const first = when(undefined, odd);
    expect(first.events).toMatchObject([{ reason: 'unsupported_notification' }]);
    expect(when(first.state, odd).events).toEqual([]);
  });
});
