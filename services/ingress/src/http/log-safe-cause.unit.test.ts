import { logSafeCause } from './log-safe-cause';

describe('logSafeCause', () => {
  it('keeps the name and position of a JSON parse error but none of the quoted body', () => {
    let cause: unknown;
    try {
      JSON.parse('{"buyer_first_name":"Zelda Planted",');
    } catch (err) {
      cause = err;
    }

    const safe = logSafeCause(cause);

    expect(JSON.stringify(safe)).not.toContain('Zelda');
    expect(safe?.name).toBe('SyntaxError');
    expect(typeof safe?.position).toBe('number');
  });

  it('keeps a string code and drops everything else', () => {
    const cause = Object.assign(new Error('secret Zelda'), { code: 'ECONNREFUSED', extra: 'x' });

    expect(logSafeCause(cause)).toEqual({ name: 'Error', code: 'ECONNREFUSED' });
  });

  it('logs nothing for a missing cause', () => {
    expect(logSafeCause(undefined)).toBeUndefined();
  });
});
