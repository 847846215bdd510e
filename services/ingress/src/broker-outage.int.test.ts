import {
  createKafkaClient,
  provisionTopics,
  topicCatalogue,
  type KafkaClient,
} from '@clawback/kafka';
import { click2sellNotification, twoCheckoutIpn } from '@clawback/providers/testing';
import { createTestContext, readAll, waitFor, type TestContext } from '@clawback/test-harness';
import type { RunningIngress } from './service/start-ingress';
import {
  ingressEnv,
  postNotification,
  registerRawSchema,
  startTestIngress,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';
import { createThrowawayBroker, type ThrowawayBroker } from './testing/throwaway-broker';

jest.setTimeout(300_000);

const C2S_PATH = '/v1/notifications/click2sell/m1';
const TCO_PATH = '/v1/notifications/2checkout/m1';

describe('ingress while its Kafka broker is down', () => {
  let broker: ThrowawayBroker;
  let context: TestContext;
  let merchants: ReturnType<typeof writeMerchantsFile>;
  let kafka: KafkaClient;
  let ingress: RunningIngress | undefined;

  beforeAll(async () => {
    broker = await createThrowawayBroker();
    await broker.start();
    // The registry and Redis are the shared ones; only the broker is this test's own.
    context = await createTestContext({ topics: [] });
    await registerRawSchema(context);
    kafka = createKafkaClient({ ...context.config.kafka, brokers: [broker.address] });
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics(
      admin,
      topicCatalogue({
        names: context.topics,
        replicationFactor: 1,
        minInSyncReplicas: 1,
        partitions: 3,
      }).filter((topic) => topic.key === 'notificationsRaw'),
    );
    await admin.disconnect();
    merchants = writeMerchantsFile();
  });

  afterAll(async () => {
    await ingress?.close();
    merchants?.remove();
    await context?.dispose();
    await broker?.destroy();
  });

  const ready = async (): Promise<number> => (await fetch(`${ingress!.url}/readyz`)).status;

  it('answers 503 while the broker is down and publishes retried notifications once after', async () => {
    ingress = await startTestIngress(
      ingressEnv(context, merchants.path, {
        KAFKA_BROKERS: broker.address,
        INGRESS_PUBLISH_TIMEOUT_MS: '1500',
        INGRESS_RETRY_AFTER_SECONDS: '7',
      }),
    );
    await waitFor(async () => (await ready()) === 200, { timeoutMs: 60_000, description: 'ready' });
    const before = click2sellNotification(
      { c2sTransactionId: '91000' },
      { secretKey: TEST_SECRETS.click2sell },
    );
    expect((await postNotification(ingress.url, C2S_PATH, before)).status).toBe(200);

    await broker.stop();
    await waitFor(async () => (await ready()) === 503, {
      timeoutMs: 60_000,
      description: 'not ready',
    });
    const during = [
      {
        path: C2S_PATH,
        fixture: click2sellNotification(
          { c2sTransactionId: '91001' },
          { secretKey: TEST_SECRETS.click2sell },
        ),
      },
      {
        path: TCO_PATH,
        fixture: twoCheckoutIpn({ refno: '91002' }, { secretKey: TEST_SECRETS.twoCheckout }),
      },
    ];
    for (const { path, fixture } of during) {
      // The first delivery and a retry while the broker is still down: both refused.
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await postNotification(ingress.url, path, fixture);
        expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '7']);
        expect(JSON.parse(answer.body)).toEqual({
          error: { code: 'kafka_unavailable', message: expect.any(String) },
        });
      }
    }

    await broker.start();
    await waitFor(async () => (await ready()) === 200, {
      timeoutMs: 90_000,
      description: 'ready again',
    });
    // The providers retry until they get a 200, then once more (a late duplicate).
    for (const { path, fixture } of during) {
      await waitFor(
        async () => (await postNotification(ingress!.url, path, fixture)).status === 200,
        {
          timeoutMs: 90_000,
          intervalMs: 500,
          description: `200 for ${path}`,
        },
      );
      expect((await postNotification(ingress.url, path, fixture)).status).toBe(200);
    }

    const stored = await readAll(kafka, context.topics.notificationsRaw, { timeoutMs: 60_000 });
    expect(stored.map((record) => record.key?.toString()).sort()).toEqual([
      '2checkout:m1:91002',
      'click2sell:m1:91000',
      'click2sell:m1:91001',
    ]);
  });
});
