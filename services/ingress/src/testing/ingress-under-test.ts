import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '@clawback/config';
import { AvroRegistry, loadSchemaFiles } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import type { RawNotificationRecord } from '../publish/notification-publisher';
import { startIngress, type RunningIngress } from '../service/start-ingress';

/** Secrets of merchant `m1` in integration tests; one comes through an env indirection. */
export const TEST_SECRETS = {
  twoCheckout: 'it-2checkout-secret',
  kartra: 'it-kartra-secret',
  kartraToken: 'it-kartra-url-token',
  click2sell: 'it-click2sell-secret',
  click2sellToken: 'it-click2sell-url-token',
} as const;

/** Registers the raw topic's value schema under the test's (prefixed) topic. */
export async function registerRawSchema(context: TestContext): Promise<AvroRegistry> {
  const registry = new AvroRegistry(context.config.schemaRegistry);
  const file = (await loadSchemaFiles()).find((f) => f.topic === 'payments.notifications.raw');
  if (!file) throw new Error('schemas/payments.notifications.raw.avsc is missing');
  await registry.register(context.topics.notificationsRaw, file.schema);
  return registry;
}

/** Writes a merchants file for `m1` into a fresh temporary folder; returns its path. */
export function writeMerchantsFile(): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-it-'));
  const path = join(dir, 'merchants.json');
  writeFileSync(
    path,
    JSON.stringify({
      m1: {
        '2checkout': { secretKey: { env: 'IT_2CHECKOUT_SECRET' } },
        kartra: { secretKey: TEST_SECRETS.kartra, urlToken: TEST_SECRETS.kartraToken },
        // Checksum-only (the migration setting) so existing tests post without ?token=;
        // m-c2s below is configured the recommended way, with a URL token.
        click2sell: { secretKey: TEST_SECRETS.click2sell, allowChecksumOnly: true },
      },
      'm-c2s': {
        click2sell: { secretKey: TEST_SECRETS.click2sell, urlToken: TEST_SECRETS.click2sellToken },
      },
      'm-net': {
        click2sell: {
          secretKey: TEST_SECRETS.click2sell,
          urlToken: TEST_SECRETS.click2sellToken,
          sourceNetworks: ['203.0.113.0/24'],
        },
      },
    }),
  );
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The environment that points an ingress at the test's topics and Redis keys. */
export function ingressEnv(context: TestContext, merchantsFile: string, extra: Env = {}): Env {
  return {
    ...process.env,
    KAFKA_TOPIC_PREFIX: context.id,
    REDIS_KEY_PREFIX: `${context.config.redis.keyPrefix}${context.redisKeyPrefix}`,
    CLAWBACK_MERCHANTS_FILE: merchantsFile,
    IT_2CHECKOUT_SECRET: TEST_SECRETS.twoCheckout,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...extra,
  };
}

/** Starts an in-process ingress on a free loopback port. */
export function startTestIngress(env: Env): Promise<RunningIngress> {
  return startIngress({ env, host: '127.0.0.1', port: 0 });
}

/** POSTs a body the way a provider does. */
export async function postNotification(
  baseUrl: string,
  path: string,
  fixture: { readonly body: Buffer; readonly contentType: string },
): Promise<{ readonly status: number; readonly body: string; readonly headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    body: fixture.body,
    headers: { 'content-type': fixture.contentType },
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Decodes raw-topic values back into records. */
export async function decodeRaw(
  registry: AvroRegistry,
  values: readonly (Buffer | null)[],
): Promise<RawNotificationRecord[]> {
  return Promise.all(
    values.map((value) => {
      if (value === null) throw new Error('raw record without a value');
      return registry.decode<RawNotificationRecord>(value);
    }),
  );
}
