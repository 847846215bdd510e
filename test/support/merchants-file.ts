import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A merchants file written for one suite; `remove()` deletes its folder. */
export interface MerchantsFile {
  readonly path: string;
  remove(): void;
}

/**
 * Writes `merchants` (the JSON document of docs/merchant-setup.md) to a fresh temporary folder,
 * because every service reads its merchants from a file named by `CLAWBACK_MERCHANTS_FILE`.
 */
export function writeMerchantsFile(merchants: object): MerchantsFile {
  const dir = mkdtempSync(join(tmpdir(), 'clawback-e2e-'));
  const path = join(dir, 'merchants.json');
  writeFileSync(path, JSON.stringify(merchants, null, 2));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
