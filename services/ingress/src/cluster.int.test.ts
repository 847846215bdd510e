import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { click2sellNotification } from '@clawback/providers/testing';
import { createTestContext, freePort, waitFor, type TestContext } from '@clawback/test-harness';
import {
  ingressEnv,
  postNotification,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';

jest.setTimeout(120_000);

const root = resolve(__dirname, '../../..');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run ingress with INGRESS_WORKERS=2 (node:cluster)', () => {
  let context: TestContext;
  let merchants: ReturnType<typeof writeMerchantsFile>;

  beforeEach(async () => {
    context = await createTestContext({ topics: ['notificationsRaw'] });
    merchants = writeMerchantsFile();
  });

  afterEach(async () => {
    merchants?.remove();
    await context?.dispose();
  });

  it('starts two workers that accept and answer /readyz, and SIGTERM stops them all', async () => {
    const port = await freePort();
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['services/ingress/src/main.ts'], {
      cwd: root,
      env: {
        ...ingressEnv(context, merchants.path),
        INGRESS_PORT: String(port),
        INGRESS_WORKERS: '2',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      const workerPids = () =>
        [...output.matchAll(/"pid":(\d+)[^\n]*"msg":"ingress worker started"/g)].map((m) =>
          Number(m[1]),
        );
      await waitFor(() => Promise.resolve(workerPids().length === 2), {
        timeoutMs: 60_000,
        description: 'two workers to start',
      });
      await waitFor(
        async () =>
          (output.match(/"msg":"ingress listening"/g) ?? []).length === 2 &&
          (await fetch(`${url}/readyz`)).ok,
        { timeoutMs: 60_000, description: 'both workers listening and ready' },
      );
      const fixture = click2sellNotification(
        { c2sTransactionId: '96001' },
        { secretKey: TEST_SECRETS.click2sell },
      );
      const answer = await postNotification(url, '/v1/notifications/click2sell/m1', fixture);
      expect(answer.status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/clawback_ingress_requests_total\{[^}]*outcome="published"[^}]*\} 1/);
      const stored = await context.readAll(context.topics.notificationsRaw, {
        expected: 1,
        timeoutMs: 30_000,
      });
      expect(stored.map((r) => r.key?.toString())).toEqual(['click2sell:m1:96001']);

      const pids = workerPids();
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect((output.match(/"closer":"ingress","msg":"closed"/g) ?? []).length).toBe(2);
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
