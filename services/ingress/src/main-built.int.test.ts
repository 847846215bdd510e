import { click2sellNotification } from '@clawback/providers/testing';
import {
  createTestContext,
  ensureBuilt,
  freePort,
  startChildService,
  waitFor,
  type ChildService,
  type TestContext,
} from '@clawback/test-harness';
import {
  ingressEnv,
  postNotification,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';

// Builds dist/ first when it is missing or older than a source (about 20 s), else reuses it.
jest.setTimeout(180_000);

describe('the production build of the ingress (plain node, no tsx)', () => {
  let context: TestContext;
  let merchants: ReturnType<typeof writeMerchantsFile>;
  let service: ChildService | undefined;

  beforeAll(() => ensureBuilt());

  beforeEach(async () => {
    context = await createTestContext({ topics: ['notificationsRaw'] });
    merchants = writeMerchantsFile();
  });

  afterEach(async () => {
    await service?.stop('SIGKILL');
    merchants?.remove();
    await context?.dispose();
  });

  it('starts from dist/, answers /healthz and /readyz, stores a notification and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const env = ingressEnv(context, merchants.path, { INGRESS_PORT: String(port) });
    service = startChildService('services/ingress/src/main.ts', env as Record<string, string>, {
      built: true,
    });
    const url = `http://127.0.0.1:${port}`;
    const answers = async (path: string): Promise<boolean> => {
      if (service?.hasExited()) throw new Error(`the built ingress exited:\n${service.output()}`);
      return (await fetch(`${url}${path}`).catch(() => undefined))?.ok ?? false;
    };
    await waitFor(() => answers('/healthz'), { timeoutMs: 60_000, description: '/healthz' });
    await waitFor(() => answers('/readyz'), { timeoutMs: 60_000, description: '/readyz' });

    const fixture = click2sellNotification(
      { c2sTransactionId: '96001' },
      { secretKey: TEST_SECRETS.click2sell },
    );
    expect((await postNotification(url, '/v1/notifications/click2sell/m1', fixture)).status).toBe(
      200,
    );
    expect(await service.stop('SIGTERM')).toBe(0);
    const stored = await context.readAll(context.topics.notificationsRaw, {
      expected: 1,
      timeoutMs: 30_000,
    });
    expect(stored.map((r) => r.key?.toString())).toEqual(['click2sell:m1:96001']);
  });
});
