import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import { LedgerStore } from './ledger/ledger-store';

const main = resolve(__dirname, 'main.ts');

/** Runs `main.ts` with `args` and `env` to its end: exit code and everything printed. */
function run(args: readonly string[], env: Readonly<Record<string, string>>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((done) =>
    child.once('exit', (code) => done({ code, output })),
  );
}

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ topics: [] });
});
afterEach(() => ctx.dispose());

describe('npm run commissions (entry point)', () => {
  it('given no merchants file, then it prints one configuration error line and exits with 1', async () => {
    const { code, output } = await run([], { CLAWBACK_MERCHANTS_FILE: '' });
    expect(code).toBe(1);
    expect(output).toMatch(
      /^commission-reversals: configuration error: .*CLAWBACK_MERCHANTS_FILE/m,
    );
  });

  it('given the ledger command for an unknown affiliate, then it says so and exits with 2', async () => {
    const prefix = `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`;
    await new LedgerStore(await ctx.redis()).generation();
    const { code, output } = await run(['ledger', 'shop', 'nobody'], { REDIS_KEY_PREFIX: prefix });
    expect(code).toBe(2);
    expect(output).toBe('no ledger entry for shop:nobody\n');
  });

  it('given no ledger in Redis at all, then the ledger command says it is being rebuilt, not that the affiliate has no entry', async () => {
    const prefix = `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`;
    const { code, output } = await run(['ledger', 'shop', 'aff-1'], { REDIS_KEY_PREFIX: prefix });
    expect(code).toBe(3);
    expect(output).toMatch(/^reading the ledger failed: the ledger is being rebuilt/);
  });

  it('given a bad command line, then it names the problem, prints the usage and exits with 1', async () => {
    const { code, output } = await run(['ledger', 'shop'], {});
    expect(code).toBe(1);
    expect(output).toMatch(/^expected a merchant id and an affiliate id, got 1 argument/);
    expect(output).toMatch(/^usage: npm run commissions:ledger/m);
  });

  it('given ledger --help, then it prints the usage and exits with 0', async () => {
    const { code, output } = await run(['ledger', '--help'], {});
    expect(code).toBe(0);
    expect(output).toMatch(/^usage: npm run commissions:ledger/);
  });
});
