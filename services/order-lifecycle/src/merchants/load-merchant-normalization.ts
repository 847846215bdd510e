import { loadMerchantsFile, MERCHANTS_FILE_VARIABLE, type Environment } from '@clawback/merchants';
import type { Logger } from '@clawback/logging';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import { kartraCurrencies, merchantNormalization } from './merchant-normalization';

/**
 * Stands in for secrets the lifecycle never reads. The merchants file may point any value at
 * an environment variable, and loading resolves them all; the lifecycle needs none of the
 * signing secrets, so its deployment should not have to carry them.
 */
const SECRET_NOT_LOADED = 'not-loaded-by-order-lifecycle';

function withoutSecrets(env: Environment): Environment {
  return new Proxy(env, {
    get: (target, name) =>
      typeof name === 'string' ? target[name] || SECRET_NOT_LOADED : undefined,
  });
}

/**
 * Per-merchant normalization from the merchants file named by `CLAWBACK_MERCHANTS_FILE`, which
 * is optional for this service: without it the adapters' defaults apply (Kartra: USD), and
 * that is logged. A replay must read the same file as the live consumer: the currency is an
 * input of the events, like the orphan horizon.
 *
 * @throws MerchantsError when the variable names a file that cannot be read or is invalid.
 */
export function loadMerchantNormalization(
  env: Environment,
  logger: Logger,
): NormalizeOptionsFor | undefined {
  const path = env[MERCHANTS_FILE_VARIABLE];
  if (path === undefined || path === '') {
    logger.info(
      `${MERCHANTS_FILE_VARIABLE} is not set: normalization defaults apply (Kartra currency USD)`,
    );
    return undefined;
  }
  const directory = loadMerchantsFile(path, withoutSecrets(env));
  logger.info(
    {
      merchantsFile: path,
      merchants: directory.size,
      kartraCurrencies: kartraCurrencies(directory),
    },
    'merchants file read for normalization',
  );
  return merchantNormalization(directory);
}
