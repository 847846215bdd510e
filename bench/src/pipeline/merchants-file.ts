import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The merchant every pipeline benchmark sends as, and its 2Checkout secret. */
export const BENCH_MERCHANT = {
  id: 'bench-merchant',
  twoCheckoutSecret: 'bench-2checkout-secret',
} as const;

/**
 * A temporary merchants file (`CLAWBACK_MERCHANTS_FILE`) holding `merchants`, by default
 * {@link BENCH_MERCHANT} alone.
 */
export async function writeMerchantsFile(
  merchants: object = {
    [BENCH_MERCHANT.id]: { '2checkout': { secretKey: BENCH_MERCHANT.twoCheckoutSecret } },
  },
): Promise<{
  readonly path: string;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'clawback-bench-'));
  const path = join(dir, 'merchants.json');
  await writeFile(path, JSON.stringify(merchants));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
