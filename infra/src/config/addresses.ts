import { InfraError } from '../infra-error';

/** A host and TCP port. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** Where the application's parts are, read from the same variables the services use. */
export interface Addresses {
  /** `KAFKA_BROKERS`: comma-separated `host:port` list. */
  readonly kafkaBrokers: readonly HostPort[];
  /** `SCHEMA_REGISTRY_URL`: the Confluent-compatible API base URL. */
  readonly schemaRegistryUrl: URL;
  /** `REDIS_URL`: `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  readonly redisUrl: URL;
}

/** The addresses the local scripts start things on when nothing is configured. */
const DEFAULT_ADDRESSES = {
  kafkaBrokers: '127.0.0.1:19092',
  schemaRegistryUrl: 'http://127.0.0.1:18081/apis/ccompat/v7',
  redisUrl: 'redis://127.0.0.1:6379',
} as const;

function invalid(name: string, value: string, why: string): InfraError {
  return new InfraError('invalid_config', `${name}="${value}": ${why}`);
}

function parsePort(name: string, value: string, text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw invalid(name, value, `bad port "${text}"`);
  return port;
}

/** Parses `host:port` or `[ipv6]:port`. */
export function parseHostPort(name: string, text: string): HostPort {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:[\]]+):([^:]+)$/.exec(text);
  if (!match?.[1] || match[2] === undefined) throw invalid(name, text, 'expected host:port');
  return { host: match[1], port: parsePort(name, text, match[2]) };
}

/** Parses a comma-separated broker list; blanks around commas are ignored. */
export function parseBrokerList(text: string): readonly HostPort[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw invalid('KAFKA_BROKERS', text, 'no broker');
  return items.map((item) => parseHostPort('KAFKA_BROKERS', item));
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'http:': 80,
  'https:': 443,
  'redis:': 6379,
  'rediss:': 6379,
};

/** Parses a URL whose scheme is one of `protocols`. */
export function parseServiceUrl(name: string, text: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new InfraError('invalid_config', `${name}="${text}": not a URL`, { cause });
  }
  if (!protocols.includes(url.protocol)) {
    throw invalid(name, text, `expected ${protocols.join(' or ')}`);
  }
  if (url.hostname === '') throw invalid(name, text, 'no host');
  return url;
}

/** The TCP port of a URL, with the scheme's default when the URL names none. */
export function urlPort(url: URL): number {
  return url.port !== '' ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 0);
}

/** The host of a URL without IPv6 brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * True for addresses on this machine. Only these get a local process: anything else is
 * someone's real cluster, which the scripts only check.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Reads {@link Addresses} from `env` (empty values count as unset). */
export function addressesFromEnv(env: NodeJS.ProcessEnv): Addresses {
  return {
    kafkaBrokers: parseBrokerList(env.KAFKA_BROKERS || DEFAULT_ADDRESSES.kafkaBrokers),
    schemaRegistryUrl: parseServiceUrl(
      'SCHEMA_REGISTRY_URL',
      env.SCHEMA_REGISTRY_URL || DEFAULT_ADDRESSES.schemaRegistryUrl,
      ['http:', 'https:'],
    ),
    redisUrl: parseServiceUrl('REDIS_URL', env.REDIS_URL || DEFAULT_ADDRESSES.redisUrl, [
      'redis:',
      'rediss:',
    ]),
  };
}
