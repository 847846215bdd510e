import { defaultServiceSettings, loadServiceSettings } from './service-settings';

describe('loadServiceSettings', () => {
  it('defaults everything and prefixes the topics', () => {
    const settings = loadServiceSettings({}, 't-1');
    expect(settings.topics.lifecycleEvents).toBe('t-1.orders.lifecycle.events');
    expect(settings.topics.cancellations).toBe('t-1.subscriptions.cancellations');
    expect(settings.groupId).toBe(defaultServiceSettings.groupId);
    expect(settings.retry).toEqual(defaultServiceSettings.retry);
  });

  it('reads the variables', () => {
    const settings = loadServiceSettings(
      {
        CANCELLATIONS_GROUP_ID: 'g',
        CANCELLATIONS_MAX_ATTEMPTS: '3',
        CANCELLATIONS_MAX_TOTAL_MS: '0',
        CANCELLATIONS_REQUEST_TIMEOUT_MS: '2500',
      },
      '',
    );
    expect(settings.groupId).toBe('g');
    expect(settings.retry).toMatchObject({ maxAttempts: 3, maxTotalMs: 0, requestTimeoutMs: 2500 });
    expect(settings.topics.cancellationsDlq).toBe('subscriptions.cancellations.dlq');
  });

  it.each([
    ['CANCELLATIONS_MAX_ATTEMPTS', '0'],
    ['CANCELLATIONS_SESSION_TIMEOUT_MS', '1000'],
    ['CANCELLATIONS_CALL_CONCURRENCY', 'many'],
    ['CANCELLATIONS_GROUP_ID', 'a group'],
  ])('refuses %s=%s naming it', (name, value) => {
    expect(() => loadServiceSettings({ [name]: value }, '')).toThrow(new RegExp(`^${name}:`));
  });
});
