import { hash } from 'node:crypto';
import type { ProviderName } from '@clawback/notifications';

/**
 * A stable notification id: `{provider}:{32 hex}`, the first 128 bits of SHA-256 over the
 * provider, the merchant and the provider's identifying fields (JSON-encoded, so no two
 * different field lists can collide by concatenation). The same fields give the same id on
 * every retry and every replay; absent fields count as `null`.
 */
export function notificationIdOf(
  provider: ProviderName,
  merchantId: string,
  identifyingFields: readonly (string | undefined)[],
): string {
  const material = JSON.stringify([
    provider,
    merchantId,
    ...identifyingFields.map((f) => f ?? null),
  ]);
  // One-shot digest: the same bytes as a Hash object, without building one per notification.
  return `${provider}:${hash('sha256', material, 'hex').slice(0, 32)}`;
}
