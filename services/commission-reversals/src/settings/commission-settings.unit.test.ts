import { ConfigError } from '@clawback/config';
import {
  defaultCommissionSettings,
  ledgerGroupId,
  loadCommissionSettings,
} from './commission-settings';

const kafka = { topicPrefix: 't1', transactionalIdPrefix: 'deploy-a' };

describe('commission settings', () => {
  it('uses the defaults, the topic prefix and the Kafka transactional id prefix', () => {
    const settings = loadCommissionSettings({}, kafka);
    expect(settings).toMatchObject({
      ...defaultCommissionSettings,
      transactionalIdPrefix: 'deploy-a',
    });
    expect(settings.topics.commissionState).toBe('t1.affiliates.commission.state');
    expect(ledgerGroupId(settings)).toBe('clawback-commission-reversals-ledger');
  });

  it('reads the COMMISSIONS_* variables', () => {
    const settings = loadCommissionSettings(
      {
        COMMISSIONS_GROUP_ID: 'g',
        COMMISSIONS_TRANSACTIONAL_ID_PREFIX: 'tx',
        COMMISSIONS_RECORDS_PER_TRANSACTION: '10',
        COMMISSIONS_LEDGER_CHECK_INTERVAL_MS: '1000',
      },
      kafka,
    );
    expect(settings).toMatchObject({
      groupId: 'g',
      transactionalIdPrefix: 'tx',
      recordsPerTransaction: 10,
      ledgerCheckIntervalMs: 1000,
    });
  });

  it('names the variable it refuses', () => {
    expect(() => loadCommissionSettings({ COMMISSIONS_SESSION_TIMEOUT_MS: '100' }, kafka)).toThrow(
      ConfigError,
    );
    expect(() => loadCommissionSettings({ COMMISSIONS_GROUP_ID: 'a b' }, kafka)).toThrow(
      /COMMISSIONS_GROUP_ID/,
    );
  });
});
