import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ChildService, startChildService, waitFor } from '@clawback/test-harness';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from './testing/cancellations-fixture';

/** The service's entry point, started as a child process. */
const serviceMain = resolve(__dirname, './main.ts');

describe('npm run cancellations (the entry point as a process)', () => {
  let dir: string;
  let running: ChildService | undefined;
  let fixture: CancellationsFixture | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cancellations-main-'));
  });
  afterEach(async () => {
    if (running && !running.hasExited()) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await fixture?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const merchantsFile = (cancellation: unknown): string => {
    const file = join(dir, 'merchants.json');
    writeFileSync(file, JSON.stringify({ m1: { click2sell: { secretKey: 's' }, cancellation } }));
    return file;
  };

  it('refuses an invalid cancellation section with one line naming its path', async () => {
    running = startChildService(serviceMain, {
      CLAWBACK_MERCHANTS_FILE: merchantsFile({
        adapter: 'webhook',
        webhook: { url: 'ftp://nope', secret: 'top-secret-value' },
      }),
    });
    expect(await running.exited).toBe(1);
    expect(running.output()).toBe(
      'subscription-cancellations: configuration error: m1.cancellation.webhook.url: must be an http(s) URL\n',
    );
  });

  it('serves /healthz, /readyz and /metrics, and exits 0 on SIGTERM', async () => {
    fixture = await createCancellationsFixture();
    running = startChildService(serviceMain, {
      CLAWBACK_MERCHANTS_FILE: merchantsFile({ onPartialRefund: 'keep' }),
      KAFKA_TOPIC_PREFIX: fixture.ctx.id,
      REDIS_KEY_PREFIX: fixture.redisKeyPrefix,
      CANCELLATIONS_GROUP_ID: fixture.settings.groupId,
      CANCELLATIONS_TRANSACTIONAL_ID_PREFIX: fixture.settings.transactionalIdPrefix,
      OBSERVABILITY_PORT: '0',
      LOG_LEVEL: 'info',
    });
    const child = running;
    const port = await waitFor(
      () => {
        if (child.hasExited()) throw new Error(child.output());
        return /"opsPort":(\d+)/.exec(child.output())?.[1];
      },
      { timeoutMs: 60_000, description: 'the started line with the ops port' },
    );
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { kafka: true, redis: true } });
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toContain('clawback_cancellations_total');
    expect(metrics).toContain('service="subscription-cancellations"');
    child.child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });
});
