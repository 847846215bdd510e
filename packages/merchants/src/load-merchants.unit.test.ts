import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMerchantsFile, loadMerchantsFromEnv } from './load-merchants';
import type { MerchantsError } from './merchants-error';

describe('loadMerchantsFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'merchants-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the file named by CLAWBACK_MERCHANTS_FILE', () => {
    const file = join(dir, 'merchants.json');
    writeFileSync(
      file,
      JSON.stringify({ m1: { click2sell: { secretKey: { env: 'S' }, urlToken: 'tok' } } }),
    );

    const merchants = loadMerchantsFromEnv({ CLAWBACK_MERCHANTS_FILE: file, S: 'secret' });

    expect(merchants.get('m1')?.providers.click2sell?.secretKey).toBe('secret');
  });

  it('reports a missing file, invalid JSON without quoting it, and an unset variable', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"m1": {"click2sell": {"secretKey": "leaky-secret"}');

    expect(() => loadMerchantsFile(join(dir, 'missing.json'), {})).toThrow(
      expect.objectContaining({ code: 'merchants_file_unreadable' }),
    );
    const notJson = (() => {
      try {
        loadMerchantsFile(broken, {});
      } catch (error) {
        return error as MerchantsError;
      }
      throw new Error('expected an error');
    })();
    expect(notJson.code).toBe('merchants_file_not_json');
    expect(notJson.message).not.toContain('leaky-secret');
    expect(() => loadMerchantsFromEnv({})).toThrow(/CLAWBACK_MERCHANTS_FILE is not set/);
  });
});
