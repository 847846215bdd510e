import { isIP } from 'node:net';
import { isCurrencyCode } from '@clawback/money';
import { isProviderName, type ProviderName } from '@clawback/notifications';
import { childPath, isJsonObject } from './json-path';
import type { MerchantConfig, MerchantDirectory, ProviderSettings } from './merchant-config';
import { MerchantsError } from './merchants-error';
import { resolveEnvReferences, type Environment } from './secret-reference';

/**
 * Merchant ids appear in URL paths and inside order keys (`provider:merchant:orderRef`), so
 * they must not contain `:`, `/` or anything that needs escaping.
 */
const MERCHANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Required string keys per provider block; other keys are kept as they are. */
const REQUIRED_KEYS: { readonly [P in ProviderName]: readonly string[] } = {
  '2checkout': ['secretKey'],
  kartra: ['secretKey'],
  click2sell: ['secretKey'],
};

/**
 * Optional string keys: absent is fine, present must be a non-empty string. Without a Kartra
 * `urlToken` the unsigned outbound-API JSON surface stays closed for the merchant (401), while
 * its IPN (checked by `secretKey`) still works.
 */
const OPTIONAL_KEYS: { readonly [P in ProviderName]: readonly string[] } = {
  '2checkout': [],
  kartra: ['urlToken'],
  click2sell: ['urlToken'],
};

/** 2Checkout's signature algorithms, strongest first (`minimumSignature`). */
const TWOCHECKOUT_MINIMUMS = ['sha3-256', 'sha256', 'md5'];

/** `203.0.113.0/24`, `2001:db8::/32` or a single address. */
function isCidr(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [base, prefix, extra] = value.split('/');
  const version = isIP(base ?? '');
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (version === 6 ? 128 : 32);
}

function invalid(path: string, message: string): MerchantsError {
  return new MerchantsError('merchants_config_invalid', path, message);
}

function requireObject(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (!isJsonObject(value)) throw invalid(path, 'must be an object');
  return value;
}

function parseProvider<P extends ProviderName>(
  provider: P,
  value: unknown,
  path: string,
): ProviderSettings[P] {
  const block = requireObject(value, path);
  for (const key of [...REQUIRED_KEYS[provider], ...OPTIONAL_KEYS[provider]]) {
    const field = block[key];
    if (field === undefined && OPTIONAL_KEYS[provider].includes(key)) continue;
    if (typeof field !== 'string' || field === '') {
      throw invalid(childPath(path, key), 'must be a non-empty string or {"env": "NAME"}');
    }
    // Providers' echoes are compared trimmed, so a secret with surrounding whitespace would
    // never verify; refusing it at start names the field instead of failing every request.
    if (field.trim() !== field) {
      throw invalid(childPath(path, key), 'has leading or trailing whitespace (remove it)');
    }
  }
  const minimum = block.minimumSignature;
  if (minimum !== undefined && !TWOCHECKOUT_MINIMUMS.includes(minimum as string)) {
    throw invalid(childPath(path, 'minimumSignature'), 'must be "sha3-256", "sha256" or "md5"');
  }
  const networks = block.sourceNetworks;
  if (networks !== undefined && !(Array.isArray(networks) && networks.every(isCidr))) {
    throw invalid(
      childPath(path, 'sourceNetworks'),
      'must be a list of CIDRs such as "203.0.113.0/24"',
    );
  }
  const checksumOnly = block.allowChecksumOnly;
  if (checksumOnly !== undefined && typeof checksumOnly !== 'boolean') {
    throw invalid(childPath(path, 'allowChecksumOnly'), 'must be true or false');
  }
  const currency = block.currency;
  if (currency !== undefined && (typeof currency !== 'string' || !isCurrencyCode(currency))) {
    throw invalid(childPath(path, 'currency'), 'must be an ISO 4217 code such as "USD"');
  }
  return block as ProviderSettings[P];
}

function parseMerchant(merchantId: string, value: unknown, env: Environment): MerchantConfig {
  if (!MERCHANT_ID.test(merchantId)) {
    throw invalid(merchantId, 'merchant id must be 1-64 of A-Z a-z 0-9 . _ - (no ":" or "/")');
  }
  const entry = requireObject(resolveEnvReferences(value, env, merchantId), merchantId);
  const providers: { [P in ProviderName]?: ProviderSettings[P] } = {};
  for (const [key, block] of Object.entries(entry)) {
    if (isProviderName(key)) {
      (providers as Record<string, unknown>)[key] = parseProvider(
        key,
        block,
        childPath(merchantId, key),
      );
    }
  }
  if (Object.keys(providers).length === 0) {
    throw invalid(merchantId, 'configures no provider (2checkout, kartra or click2sell)');
  }
  return { merchantId, providers, entry };
}

/**
 * Validates a parsed merchants file and resolves its `{"env": "NAME"}` references. Unknown
 * top-level keys of a merchant are kept (other services own them); errors name the exact path.
 */
export function parseMerchants(document: unknown, env: Environment): MerchantDirectory {
  const root = requireObject(document, '');
  const merchants = new Map<string, MerchantConfig>();
  for (const [merchantId, value] of Object.entries(root)) {
    merchants.set(merchantId, parseMerchant(merchantId, value, env));
  }
  return merchants;
}
