import { type Env, loadConfig, logLevels } from '@clawback/config';
import { startIngress } from '@clawback/ingress';
import { startCommissionReversalsFromEnv } from '@clawback/commission-reversals';
import { createLogger } from '@clawback/logging';
import { loadLifecycleSettings, startOrderLifecycle } from '@clawback/order-lifecycle';
import type { FixtureBody } from '@clawback/providers';
import { AvroRegistry } from '@clawback/schema-registry';
import { startSubscriptionCancellationsFromEnv } from '@clawback/subscription-cancellations';
import {
  type IngressAnswer,
  type NotificationRoute,
  type TestContext,
  createTestContext,
  postNotification,
  waitFor,
} from '@clawback/test-harness';
import { writeMerchantsFile } from './merchants-file';
import { serviceEnv } from './service-env';

/** A service downstream of the order lifecycle. */
export type DownstreamService = 'commission-reversals' | 'subscription-cancellations';

/** What {@link startPipeline} runs. */
export interface PipelineOptions {
  /** The merchants file's content (docs/merchant-setup.md). */
  readonly merchants: object;
  /** Started besides the ingress and the order lifecycle. */
  readonly downstream?: readonly DownstreamService[];
  /** Added to the services' environment. */
  readonly env?: Env;
  /** Partitions of each topic (3 by default). */
  readonly partitions?: number;
}

/** The services of one suite, running in this process on the suite's own topics. */
export interface Pipeline {
  readonly context: TestContext;
  readonly registry: AvroRegistry;
  /** The environment the services were started with (group ids, prefixes, …). */
  readonly env: Env;
  readonly ingressUrl: string;
  /** commission-reversals' read API (`/v1/affiliates/…`), when that service runs. */
  readonly readApiUrl: string | undefined;
  /** POSTs a provider body to the ingress as the provider would. */
  post(route: NotificationRoute, fixture: FixtureBody): Promise<IngressAnswer>;
  /** Stops every service (newest first), deletes the topics, keys and merchants file. */
  stop(): Promise<void>;
}

type Stopper = () => Promise<void>;

/**
 * Starts the real ingress (HTTP on a free loopback port), the order lifecycle and the chosen
 * downstream services in this process, configured from an environment as operators configure
 * them, on fresh topics, groups and Redis keys from `@clawback/test-harness`. Resolves when the
 * ingress is ready (Kafka reachable, raw schema registered) and every consumer has joined.
 */
export async function startPipeline(options: PipelineOptions): Promise<Pipeline> {
  const context = await createTestContext({ partitions: options.partitions ?? 3 });
  // Asked for so that dispose() deletes the suite's Redis keys too.
  await context.redis();
  const merchantsFile = writeMerchantsFile(options.merchants);
  const env = serviceEnv(context, merchantsFile.path, options.env);
  // E2E_LOG_LEVEL=info (or debug) shows the services' logs when a suite fails.
  const wanted = process.env.E2E_LOG_LEVEL;
  const level = logLevels.find((name) => name === wanted) ?? 'silent';
  const logger = (service: string) => createLogger({ service, level });
  const stoppers: Stopper[] = [];
  const stop = async (): Promise<void> => {
    for (const stopper of stoppers.splice(0).reverse()) await stopper().catch(() => undefined);
    await context.dispose();
    merchantsFile.remove();
  };
  try {
    const config = loadConfig(['kafka', 'schemaRegistry', 'redis'], env);
    const lifecycle = await startOrderLifecycle({
      config,
      settings: loadLifecycleSettings(env, config.kafka.topicPrefix),
      logger: logger('order-lifecycle'),
    });
    stoppers.push(() => lifecycle.stop());
    const joined = [lifecycle.joined];
    let readApiUrl: string | undefined;
    if (options.downstream?.includes('commission-reversals')) {
      // OBSERVABILITY_PORT 0: its read API listens on a free port.
      const started = await startCommissionReversalsFromEnv(
        { ...env, OBSERVABILITY_PORT: '0' },
        { logger: logger('commission-reversals') },
      );
      stoppers.push(() => started.service.stop());
      joined.push(started.service.joined);
      readApiUrl = `http://127.0.0.1:${started.service.httpPort}`;
    }
    if (options.downstream?.includes('subscription-cancellations')) {
      const started = await startSubscriptionCancellationsFromEnv(env, {
        logger: logger('subscription-cancellations'),
      });
      stoppers.push(() => started.service.stop());
      joined.push(started.service.joined);
    }
    const ingress = await startIngress({
      env,
      host: '127.0.0.1',
      port: 0,
      logger: logger('ingress'),
    });
    stoppers.push(() => ingress.close());
    await waitFor(async () => (await fetch(`${ingress.url}/readyz`)).ok, {
      timeoutMs: 120_000,
      intervalMs: 200,
      description: 'the ingress to be ready',
    });
    await withTimeout(Promise.all(joined), 120_000, 'every consumer to join its group');
    return {
      context,
      registry: new AvroRegistry(context.config.schemaRegistry),
      env,
      ingressUrl: ingress.url,
      readApiUrl,
      post: (route, fixture) => postNotification(ingress.url, route, fixture),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
