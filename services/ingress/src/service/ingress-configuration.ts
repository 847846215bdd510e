import { loadConfig, type Env } from '@clawback/config';
import { loadMerchantsFile } from '@clawback/merchants';
import { loadIngressSettings } from '../settings/ingress-settings';

/**
 * Everything the ingress reads from the environment and the merchants file. The cluster
 * primary reads it too before forking, so a bad configuration is one line and exit 1, not a
 * worker crash loop.
 *
 * @throws ConfigError or MerchantsError for a configuration it cannot run with.
 */
export function loadIngressConfiguration(env: Env) {
  const config = loadConfig(
    ['kafka', 'schemaRegistry', 'redis', 'logging', 'ingress', 'merchants'],
    env,
  );
  const settings = loadIngressSettings(env);
  const merchants = loadMerchantsFile(config.merchants.merchantsFile, env);
  return { config, settings, merchants };
}
