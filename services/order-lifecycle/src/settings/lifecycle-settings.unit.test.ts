import { ConfigError } from '@clawback/config';
import { defaultLifecycleSettings, loadLifecycleSettings } from './lifecycle-settings';

describe('loadLifecycleSettings', () => {
  it('given no variables, when loaded, then the defaults and the contract topic names apply', () => {
    const settings = loadLifecycleSettings({}, '');
    expect(settings).toEqual({
      ...defaultLifecycleSettings,
      topics: expect.objectContaining({
        notificationsRaw: 'payments.notifications.raw',
        lifecycleState: 'orders.lifecycle.state',
      }),
    });
  });

  it('given variables and a topic prefix, when loaded, then they are used', () => {
    const settings = loadLifecycleSettings(
      {
        LIFECYCLE_GROUP_ID: 'g-1',
        LIFECYCLE_TRANSACTIONAL_ID_PREFIX: 'tx',
        LIFECYCLE_ORPHAN_HORIZON_MS: '3600000',
        LIFECYCLE_MAX_BATCH_BYTES: '65536',
      },
      'test-1',
    );
    expect(settings).toMatchObject({
      groupId: 'g-1',
      transactionalIdPrefix: 'tx',
      orphanHorizonMs: 3_600_000,
      maxBatchBytes: 65_536,
      topics: expect.objectContaining({ lifecycleEvents: 'test-1.orders.lifecycle.events' }),
    });
  });

  it('given the deprecated LIFECYCLE_CONCURRENCY, when loaded, then it sets the partition concurrency unless the new name is set', () => {
    expect(loadLifecycleSettings({ LIFECYCLE_CONCURRENCY: '2' }, '').partitionConcurrency).toBe(2);
    expect(
      loadLifecycleSettings(
        { LIFECYCLE_CONCURRENCY: '2', LIFECYCLE_PARTITION_CONCURRENCY: '3' },
        '',
      ).partitionConcurrency,
    ).toBe(3);
  });

  it('given an invalid value, when loaded, then the error names the variable', () => {
    expect(() => loadLifecycleSettings({ LIFECYCLE_SESSION_TIMEOUT_MS: '100' }, '')).toThrow(
      ConfigError,
    );
    expect(() => loadLifecycleSettings({ LIFECYCLE_ORPHAN_HORIZON_MS: '1.5' }, '')).toThrow(
      /LIFECYCLE_ORPHAN_HORIZON_MS/,
    );
    expect(() => loadLifecycleSettings({ LIFECYCLE_GROUP_ID: 'a b' }, '')).toThrow(
      /LIFECYCLE_GROUP_ID/,
    );
  });
});
