import type { NotificationTimelineEntry } from '../../timeline/timeline-entry';
import { notificationFacts } from './notification-facts';

const entry = (fields: Partial<NotificationTimelineEntry>): NotificationTimelineEntry => ({
  topic: 'payments.notifications.raw',
  partition: 0,
  offset: '4',
  at: '2026-12-02T10:00:01.000Z',
  summary: '',
  kind: 'notification',
  provider: '2checkout',
  merchantId: 'm-1',
  contentType: 'application/x-www-form-urlencoded',
  receivedAt: '2026-12-02T10:00:00.250Z',
  ingressId: 'i-1',
  notificationId: 'n-1',
  notificationKind: 'refund',
  signatureScheme: 'sha3-256',
  amount: 1250,
  currency: 'JPY',
  operatorCommand: null,
  redriveOf: null,
  outcome: 'applied',
  reason: null,
  ...fields,
});

/** The text of each `data-fact` element, by fact name. */
function facts(markup: string): Record<string, string> {
  const found = [...markup.matchAll(/data-fact="([a-z-]+)"[^>]*>([^<]*)</g)];
  return Object.fromEntries(found.map(([, name, text]) => [name!, text!.trim()]));
}

describe('a notification on the order page', () => {
  it('shows its kind, amount in its currency, signature scheme and received-at', () => {
    expect(facts(notificationFacts(entry({})).value)).toEqual({
      kind: 'refund',
      // JPY has no minor digits: 1250 minor units are 1250 yen.
      amount: '1250 JPY',
      'signature-scheme': 'sha3-256',
      'received-at': '2026-12-02 10:00:00Z',
    });
    expect(facts(notificationFacts(entry({ amount: 1250, currency: 'USD' })).value)).toMatchObject({
      amount: '12.50 USD',
    });
  });

  it('given an unreadable body, shows a dash for what is unknown', () => {
    const unreadable = entry({
      notificationKind: null,
      amount: null,
      currency: null,
      signatureScheme: null,
    });
    expect(facts(notificationFacts(unreadable).value)).toMatchObject({
      kind: '—',
      amount: '—',
      'signature-scheme': '—',
    });
  });

  it('escapes a scheme or kind it is given', () => {
    const markup = notificationFacts(entry({ signatureScheme: '<b>x</b>' })).value;
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
