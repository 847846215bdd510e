import { readFileSync } from 'node:fs';
import type { MerchantDirectory } from './merchant-config';
import { MerchantsError } from './merchants-error';
import { parseMerchants } from './parse-merchants';
import type { Environment } from './secret-reference';

/** The environment variable that names the merchants file. */
export const MERCHANTS_FILE_VARIABLE = 'CLAWBACK_MERCHANTS_FILE';

/** Reads and validates the merchants file at `path` (see {@link parseMerchants}). */
export function loadMerchantsFile(path: string, env: Environment = process.env): MerchantDirectory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MerchantsError('merchants_file_unreadable', '', `cannot read ${path}`, error);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // The parser's message can quote file content, i.e. a secret: keep it in `cause` only.
    throw new MerchantsError('merchants_file_not_json', '', `${path} is not valid JSON`, error);
  }
  return parseMerchants(document, env);
}

/** Loads the file named by `CLAWBACK_MERCHANTS_FILE`. */
export function loadMerchantsFromEnv(env: Environment = process.env): MerchantDirectory {
  const path = env[MERCHANTS_FILE_VARIABLE];
  if (path === undefined || path === '') {
    throw new MerchantsError(
      'merchants_file_unreadable',
      '',
      `${MERCHANTS_FILE_VARIABLE} is not set`,
    );
  }
  return loadMerchantsFile(path, env);
}
