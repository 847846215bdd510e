import { ConfigError } from '@clawback/config';
import { loadAdminSettings } from './admin-settings';

const kafka = { topicPrefix: '', transactionalIdPrefix: 'clawback' };
const TOKENS = 'operator:alice:0123456789abcdef,viewer:bob:fedcba9876543210';

describe('admin settings', () => {
  it('given only tokens, when loaded, then the defaults of the contract apply', () => {
    const settings = loadAdminSettings({ ADMIN_TOKENS: TOKENS }, kafka);
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 8090,
      commissionsUrl: null,
      topics: { notificationsRaw: 'payments.notifications.raw' },
    });
    expect(settings.tokens.map((t) => [t.role, t.operatorId])).toEqual([
      ['operator', 'alice'],
      ['viewer', 'bob'],
    ]);
  });

  it.each([{}, { ADMIN_TOKENS: ' ' }, { ADMIN_TOKENS: 'operator:alice:short' }])(
    'given %j, when loaded, then it refuses to start naming ADMIN_TOKENS',
    (env) => {
      expect(() => loadAdminSettings(env, kafka)).toThrow(ConfigError);
      expect(() => loadAdminSettings(env, kafka)).toThrow(/^ADMIN_TOKENS: /);
    },
  );

  it('given a bad port or URL, when loaded, then the variable is named', () => {
    expect(() => loadAdminSettings({ ADMIN_TOKENS: TOKENS, ADMIN_PORT: '70000' }, kafka)).toThrow(
      /^ADMIN_PORT/,
    );
    expect(() =>
      loadAdminSettings({ ADMIN_TOKENS: TOKENS, COMMISSIONS_URL: 'ftp://x' }, kafka),
    ).toThrow(/^COMMISSIONS_URL/);
  });
});
