import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { click2sellNotification } from '@clawback/providers/testing';
import { createTestContext, freePort, waitFor, type TestContext } from '@clawback/test-harness';
import {
  ingressEnv,
  postNotification,
  TEST_SECRETS,
  writeMerchantsFile,
} from './testing/ingress-under-test';

// The project-level testTimeout in jest.config.js is not applied under jest 30 projects.
jest.setTimeout(120_000);

const root = resolve(__dirname, '../../..');

/** Runs `npm run ingress`'s command as a child process, collecting its output. */
function runIngress(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  // One node process (`--import tsx`), not the tsx CLI: the CLI is a wrapper process that
  // relays SIGTERM, and its own exit status could then be 143 instead of the ingress's.
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/ingress/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );
  return { child, output: () => output, exit };
}

describe('npm run ingress (the entry point as a process)', () => {
  let context: TestContext;
  let merchants: ReturnType<typeof writeMerchantsFile>;
  let running: ReturnType<typeof runIngress> | undefined;

  beforeEach(async () => {
    context = await createTestContext({ topics: ['notificationsRaw'] });
    merchants = writeMerchantsFile();
  });

  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exit;
    }
    merchants?.remove();
    await context?.dispose();
  });

  // No schema is registered beforehand: the ingress registers the raw topic's schema itself.
  it('serves notifications, then on SIGTERM stops accepting, flushes and exits 0', async () => {
    const port = await freePort();
    running = runIngress({
      ...ingressEnv(context, merchants.path),
      INGRESS_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/readyz`)).ok, {
      timeoutMs: 60_000,
      description: 'the ingress to be ready',
    });

    const fixture = click2sellNotification(
      { c2sTransactionId: '95001' },
      { secretKey: TEST_SECRETS.click2sell },
    );
    expect((await postNotification(url, '/v1/notifications/click2sell/m1', fixture)).status).toBe(
      200,
    );
    running.child.kill('SIGTERM');

    expect(await running.exit).toBe(0);
    expect(running.output()).toContain('"closer":"ingress","msg":"closed"');
    expect(running.output()).not.toContain(TEST_SECRETS.click2sell);
    const stored = await context.readAll(context.topics.notificationsRaw, {
      expected: 1,
      timeoutMs: 30_000,
    });
    expect(stored.map((r) => r.key?.toString())).toEqual(['click2sell:m1:95001']);
  });

  it('exits 1 with one line naming the problem when a secret variable is unset', async () => {
    const env = { ...ingressEnv(context, merchants.path) };
    delete env.IT_2CHECKOUT_SECRET;
    running = runIngress(env);

    expect(await running.exit).toBe(1);
    expect(running.output().trim()).toBe(
      'ingress: configuration error: m1.2checkout.secretKey: environment variable IT_2CHECKOUT_SECRET is not set',
    );
  });
});
