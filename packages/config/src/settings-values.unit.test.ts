import { ConfigError } from './config-error';
import { integerAtLeastFrom, kafkaNamePartFrom } from './settings-values';

describe('integerAtLeastFrom', () => {
  it('falls back when unset or blank and reads a whole number otherwise', () => {
    expect(integerAtLeastFrom({}, 'X_MS', 5, 1)).toBe(5);
    expect(integerAtLeastFrom({ X_MS: ' ' }, 'X_MS', 5, 1)).toBe(5);
    expect(integerAtLeastFrom({ X_MS: ' 250 ' }, 'X_MS', 5, 1)).toBe(250);
  });

  it.each(['0', '-3', '1.5', '1e3', 'abc', '99999999999999999999'])(
    'rejects %s naming the variable',
    (value) => {
      expect(() => integerAtLeastFrom({ X_MS: value }, 'X_MS', 5, 1)).toThrow(ConfigError);
      expect(() => integerAtLeastFrom({ X_MS: value }, 'X_MS', 5, 1)).toThrow(/X_MS/);
    },
  );
});

describe('kafkaNamePartFrom', () => {
  it('is undefined when unset and keeps a valid name', () => {
    expect(kafkaNamePartFrom({}, 'GROUP')).toBeUndefined();
    expect(kafkaNamePartFrom({ GROUP: 'team.a_b-1' }, 'GROUP')).toBe('team.a_b-1');
  });

  it('rejects other characters naming the variable', () => {
    expect(() => kafkaNamePartFrom({ GROUP: 'a b' }, 'GROUP')).toThrow(/GROUP/);
  });
});
