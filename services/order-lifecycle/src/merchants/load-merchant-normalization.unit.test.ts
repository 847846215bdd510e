import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@clawback/logging';
import { isClawbackError } from '@clawback/errors';
import { loadMerchantNormalization } from './load-merchant-normalization';

const exampleFile = resolve(__dirname, '../../../../config/merchants.example.json');

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', destination }) };
}

describe('loadMerchantNormalization', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lifecycle-merchants-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no CLAWBACK_MERCHANTS_FILE, when loaded, then defaults apply and that is logged', () => {
    const { lines, logger } = capturingLogger();
    expect(loadMerchantNormalization({}, logger)).toBeUndefined();
    expect(lines.join('')).toContain('CLAWBACK_MERCHANTS_FILE is not set');
  });

  it('given the example file without any of its secret variables, when loaded, then the Kartra currency is read', () => {
    const { lines, logger } = capturingLogger();
    const optionsFor = loadMerchantNormalization({ CLAWBACK_MERCHANTS_FILE: exampleFile }, logger);
    expect(optionsFor?.('kartra', 'demo-shop')).toEqual({ currency: 'USD' });
    expect(lines.join('')).toContain('"kartraCurrencies":{"demo-shop":"USD"}');
  });

  it('given a currency behind a variable, when loaded, then the variable is used', () => {
    const path = join(dir, 'merchants.json');
    const kartra = { secretKey: { env: 'K_SECRET' }, urlToken: 't', currency: { env: 'K_CUR' } };
    writeFileSync(path, JSON.stringify({ shop: { kartra } }));
    const { logger } = capturingLogger();
    const env = { CLAWBACK_MERCHANTS_FILE: path, K_CUR: 'EUR' };
    expect(loadMerchantNormalization(env, logger)?.('kartra', 'shop')).toEqual({ currency: 'EUR' });
  });

  it('given an invalid currency, when loaded, then it fails at start with the merchants error', () => {
    const path = join(dir, 'merchants.json');
    const kartra = { secretKey: 's', urlToken: 't', currency: 'euro' };
    writeFileSync(path, JSON.stringify({ shop: { kartra } }));
    const { logger } = capturingLogger();
    let caught: unknown;
    try {
      loadMerchantNormalization({ CLAWBACK_MERCHANTS_FILE: path }, logger);
    } catch (error) {
      caught = error;
    }
    expect(isClawbackError(caught) && caught.code).toBe('merchants_config_invalid');
  });
});
