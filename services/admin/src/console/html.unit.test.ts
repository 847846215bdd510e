import { money } from './format';
import { html } from './html';
import { lagOf } from './pages/service-health';

describe('console rendering', () => {
  it('given provider text with markup, when rendered, then it is escaped and safe parts are not', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p title="${name}">${name}${html`<b>ok</b>`}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>ok</b></p>',
    );
  });

  it('given minor units, when formatted, then each currency keeps its own minor digits', () => {
    expect([money(2400, 'USD'), money(2400, 'JPY'), money(1234, 'KWD'), money(-5, 'EUR')]).toEqual([
      '24.00 USD',
      '2400 JPY',
      '1.234 KWD',
      '-0.05 EUR',
    ]);
  });

  it("given a service's metrics, when read, then its consumer lag is summed over partitions", () => {
    const text = [
      '# TYPE clawback_lifecycle_consumer_lag gauge',
      'clawback_lifecycle_consumer_lag{partition="0"} 3',
      'clawback_lifecycle_consumer_lag{partition="1"} 4',
      'clawback_lifecycle_events_total 9',
    ].join('\n');
    expect([...lagOf(text)]).toEqual([['clawback_lifecycle_consumer_lag', 7]]);
  });
});
