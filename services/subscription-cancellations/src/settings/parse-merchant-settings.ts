import { type MerchantConfig, type MerchantDirectory, merchantSection } from '@clawback/merchants';
import { CancellationError } from '../cancellation-error';
import {
  ADAPTER_NAMES,
  type AdapterName,
  type CancellationTarget,
  type MerchantCancellationSettings,
  defaultBaseUrls,
} from './merchant-settings';

type Section = Readonly<Record<string, unknown>>;

function invalid(path: string, message: string): CancellationError {
  return new CancellationError('cancellation_settings_invalid', `${path}: ${message}`);
}

function objectAt(value: unknown, path: string): Section {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(path, 'must be an object');
  }
  return value as Section;
}

function text(section: Section, key: string, path: string): string {
  const value = section[key];
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${path}.${key}`, 'must be a non-empty string or {"env": "NAME"}');
  }
  return value;
}

/**
 * An http(s) URL. API roots lose trailing slashes (paths are appended to them); a webhook URL
 * is kept exactly as written, since receivers may route on the trailing slash.
 */
function httpUrl(
  section: Section,
  key: string,
  path: string,
  options: { readonly fallback?: string; readonly root?: boolean } = {},
): string {
  const value = section[key] ?? options.fallback;
  let parsed: URL | undefined;
  try {
    parsed = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalid(`${path}.${key}`, 'must be an http(s) URL');
  }
  return options.root ? parsed.href.replace(/\/+$/, '') : parsed.href;
}

function secrets(section: Section, path: string): readonly string[] {
  const value = section.secret;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (list.length === 0 || list.some((item) => typeof item !== 'string' || item === '')) {
    throw invalid(`${path}.secret`, 'must be a non-empty string or a list of them (rotation)');
  }
  return list as string[];
}

function target(adapter: AdapterName, section: Section, path: string): CancellationTarget {
  switch (adapter) {
    case 'webhook': {
      const at = `${path}.webhook`;
      const block = objectAt(section.webhook, at);
      return { adapter, webhook: { url: httpUrl(block, 'url', at), secrets: secrets(block, at) } };
    }
    case '2checkout': {
      const at = `${path}.2checkout`;
      const block = objectAt(section['2checkout'], at);
      return {
        adapter,
        twoCheckout: {
          baseUrl: httpUrl(block, 'baseUrl', at, {
            fallback: defaultBaseUrls.twoCheckout,
            root: true,
          }),
          merchantCode: text(block, 'merchantCode', at),
          secretKey: text(block, 'secretKey', at),
        },
      };
    }
    case 'kartra': {
      const at = `${path}.kartra`;
      const block = objectAt(section.kartra, at);
      return {
        adapter,
        kartra: {
          baseUrl: httpUrl(block, 'baseUrl', at, { fallback: defaultBaseUrls.kartra, root: true }),
          appId: text(block, 'appId', at),
          apiKey: text(block, 'apiKey', at),
          apiPassword: text(block, 'apiPassword', at),
        },
      };
    }
  }
}

/**
 * Validates one merchant's `cancellation` section (secrets already resolved by the merchants
 * loader). Only the chosen adapter's block is read, so a merchant can keep another one ready.
 *
 * @throws CancellationError `cancellation_settings_invalid` naming the path, e.g.
 *   `m1.cancellation.webhook.url`; never a secret's value.
 */
function parseMerchantSettings(merchant: MerchantConfig): MerchantCancellationSettings {
  const path = `${merchant.merchantId}.cancellation`;
  const raw = merchantSection(merchant, 'cancellation');
  if (raw === undefined) {
    return { merchantId: merchant.merchantId, onPartialRefund: 'keep', target: undefined };
  }
  const section = objectAt(raw, path);
  const policy = section.onPartialRefund ?? 'keep';
  if (policy !== 'keep' && policy !== 'cancel') {
    throw invalid(`${path}.onPartialRefund`, 'must be "cancel" or "keep"');
  }
  const adapter = section.adapter;
  if (adapter !== undefined && !(ADAPTER_NAMES as readonly unknown[]).includes(adapter)) {
    throw invalid(`${path}.adapter`, `must be one of ${ADAPTER_NAMES.join(', ')}`);
  }
  return {
    merchantId: merchant.merchantId,
    onPartialRefund: policy,
    target: adapter === undefined ? undefined : target(adapter as AdapterName, section, path),
  };
}

/** Every merchant's cancellation settings, validated once at start. */
export function merchantSettingsOf(
  directory: MerchantDirectory,
): ReadonlyMap<string, MerchantCancellationSettings> {
  const settings = new Map<string, MerchantCancellationSettings>();
  for (const merchant of directory.values()) {
    settings.set(merchant.merchantId, parseMerchantSettings(merchant));
  }
  return settings;
}
