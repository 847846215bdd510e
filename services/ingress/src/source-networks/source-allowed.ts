import { BlockList, isIP } from 'node:net';

/**
 * Block lists by the configured array: the merchant directory's objects live as long as the
 * directory, so each list is built once instead of on every request.
 */
const blockLists = new WeakMap<readonly unknown[], BlockList>();

function blockListOf(sourceNetworks: readonly unknown[]): BlockList {
  let list = blockLists.get(sourceNetworks);
  if (list !== undefined) return list;
  list = new BlockList();
  for (const network of sourceNetworks) {
    if (typeof network !== 'string') continue;
    const [base, prefix] = network.split('/');
    const version = isIP(base ?? '');
    if (version === 0) continue;
    const bits = prefix === undefined ? (version === 6 ? 128 : 32) : Number(prefix);
    list.addSubnet(base!, bits, version === 6 ? 'ipv6' : 'ipv4');
  }
  blockLists.set(sourceNetworks, list);
  return list;
}

/**
 * True when `remoteAddress` (the socket's peer, never X-Forwarded-For: that header is not
 * trusted at all) is inside one of `sourceNetworks` (CIDRs such as `203.0.113.0/24`), or
 * when the provider block configures none. An unknown peer address is not allowed.
 */
export function sourceAllowed(sourceNetworks: unknown, remoteAddress: string | undefined): boolean {
  if (!Array.isArray(sourceNetworks) || sourceNetworks.length === 0) return true;
  if (remoteAddress === undefined) return false;
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return blockListOf(sourceNetworks as readonly unknown[]).check(address, family);
}
