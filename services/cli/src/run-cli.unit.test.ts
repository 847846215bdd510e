import { CliError } from './cli-error';
import type { AdminClient } from './client/admin-client';
import type { Case, CaseResolution } from './client/wire';
import type { Connection } from './command-line/invocation';
import type { Waiting } from './commands/wait-for-outcome';
import { runCli } from './run-cli';

const open: Case = {
  caseId: 'case-1',
  kind: 'rejected',
  orderKey: 'kartra:acme:r-1',
  merchantId: 'acme',
  provider: 'kartra',
  reasonCode: 'orphan',
  detail: '',
  subjectId: 'kartra:acme:refund:1',
  amounts: { currency: 'USD', amount: 2500, applied: 0, excess: null },
  firstSeen: '2026-12-02T10:00:00.000Z',
  lastSeen: '2026-12-02T10:00:00.000Z',
  status: 'open',
  resolutions: [],
  allowedResolutions: ['attach', 'dismiss'],
};

const attach = (over: Partial<CaseResolution>): CaseResolution => ({
  commandId: 'op-9',
  resolution: 'attach',
  operatorId: 'alice',
  reason: 'r',
  orderKey: 'kartra:acme:1001',
  eventIds: [],
  refusal: null,
  ...over,
});

/** An API that answers GETs from `reads` in turn (the last one repeating) and records calls. */
function fakeApi(reads: readonly Case[], post: unknown = {}) {
  const calls: string[] = [];
  const connections: Connection[] = [];
  let index = 0;
  const client: AdminClient = {
    get: <T>(path: string) => {
      calls.push(`GET ${path}`);
      const body = reads[Math.min(index++, reads.length - 1)];
      return Promise.resolve({ status: 200, body: body as T });
    },
    post: <T>(path: string, body: unknown) => {
      calls.push(`POST ${path} ${JSON.stringify(body)}`);
      return Promise.resolve({ status: 202, body: post as T });
    },
  };
  return { calls, connections, factory: (c: Connection) => (connections.push(c), client) };
}

/** A clock that moves only when the CLI pauses. */
function fakeWaiting(): Waiting & { paused: number } {
  let now = 0;
  const waiting = {
    paused: 0,
    now: () => now,
    pause: (ms: number) => {
      now += ms;
      waiting.paused += 1;
      return Promise.resolve();
    },
    pollMs: 250,
  };
  return waiting;
}

async function run(argv: string[], api: ReturnType<typeof fakeApi>, waiting = fakeWaiting()) {
  const printed = { out: '', err: '' };
  const code = await runCli(argv, {
    out: (text) => (printed.out += text),
    err: (text) => (printed.err += text),
    env: { CLAWBACK_TOKEN: 'token-from-env-000' },
    client: api.factory,
    waiting,
  });
  return { code, ...printed };
}

describe('runCli', () => {
  it('given resolve attach, when the case shows the events after a few reads, then it prints the outcome and exits 0', async () => {
    const pending = { ...open, resolutions: [attach({})] };
    const done = {
      ...open,
      status: 'resolved',
      amounts: { ...open.amounts, applied: 2500, excess: 0 },
      resolutions: [attach({ eventIds: ['op-9#0'] })],
    };
    const api = fakeApi([open, pending, done], {
      commandId: 'op-9',
      caseId: 'case-1',
      orderKey: 'kartra:acme:1001',
    });
    const waiting = fakeWaiting();
    const result = await run(
      ['resolve', 'case-1', 'attach', 'kartra:acme:1001', '--reason', 'buyer said'],
      api,
      waiting,
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^attach of case-1 on kartra:acme:1001: events op-9#0\n/);
    expect(result.out).toMatch(/^applied\s+25\.00 USD$/m);
    expect(api.calls).toEqual([
      'POST /v1/cases/case-1/resolutions {"resolution":"attach","orderKey":"kartra:acme:1001","reason":"buyer said"}',
      'GET /v1/cases/case-1',
      'GET /v1/cases/case-1',
      'GET /v1/cases/case-1',
    ]);
    expect(waiting.paused).toBe(2);
    expect(api.connections[0]).toMatchObject({ token: 'token-from-env-000' });
  });

  it('given resolve, when the lifecycle refuses the command, then it prints the refusal and exits 2', async () => {
    const refused = { ...open, resolutions: [attach({ refusal: 'nothing left to refund' })] };
    const api = fakeApi([refused], { commandId: 'op-9', caseId: 'case-1', orderKey: 'k' });
    const result = await run(['resolve', 'case-1', 'attach', 'k', '--reason', 'r'], api);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /the lifecycle refused attach \(command op-9\): nothing left to refund/,
    );
  });

  it('given resolve, when no outcome shows before --timeout, then it says so and exits 4', async () => {
    const api = fakeApi([{ ...open, resolutions: [attach({})] }], {
      commandId: 'op-9',
      caseId: 'case-1',
      orderKey: 'k',
    });
    const waiting = fakeWaiting();
    const result = await run(
      ['resolve', 'case-1', 'attach', 'k', '--reason', 'r', '--timeout', '2'],
      api,
      waiting,
    );
    expect(result.code).toBe(4);
    expect(result.err).toMatch(
      /command op-9 is in the log, but case case-1 showed no outcome within 2 s/,
    );
    expect(waiting.now()).toBe(2000);
  });

  it('given resolve dismiss, when the command shows on the case, then that is its outcome', async () => {
    const dismissed = {
      ...open,
      status: 'dismissed',
      resolutions: [attach({ resolution: 'dismiss', orderKey: open.orderKey })],
    };
    const api = fakeApi([dismissed], {
      commandId: 'op-9',
      caseId: 'case-1',
      orderKey: open.orderKey,
    });
    const result = await run(
      ['resolve', 'case-1', 'dismiss', '--reason', 'test order', '--json'],
      api,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      accepted: { commandId: 'op-9', caseId: 'case-1', orderKey: open.orderKey },
      case: dismissed,
    });
  });

  it('given the API refuses or cannot be reached, when a command runs, then the exit status says which', async () => {
    const failing = (error: CliError) => ({
      calls: [],
      connections: [],
      factory: (): AdminClient => ({
        get: () => Promise.reject(error),
        post: () => Promise.reject(error),
      }),
    });
    const refused = await run(
      ['case', 'case-x'],
      failing(new CliError('refused', 'HTTP 404 not_found: no case case-x')),
    );
    expect(refused).toEqual({
      code: 2,
      out: '',
      err: 'clawback: HTTP 404 not_found: no case case-x\n',
    });
    const down = await run(['dlq'], failing(new CliError('unreachable', 'no answer')));
    expect(down.code).toBe(3);
  });

  it('given a query command, when run, then it asks the matching path and prints a table or the JSON', async () => {
    const api = fakeApi([{ cases: [open] } as unknown as Case]);
    const table = await run(['cases', '--status', 'open', '--reason', 'orphan'], api);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^case-1\s+open\s+rejected\s+orphan\s+kartra:acme:r-1\s+25\.00 USD/m);
    const json = await run(['cases', '--json'], api);
    expect(JSON.parse(json.out)).toEqual({ cases: [open] });
    expect(api.calls).toEqual(['GET /v1/cases?reason=orphan&status=open', 'GET /v1/cases']);
  });

  it('given --help or a usage error, then it prints to stdout with 0 or to stderr with 1, calling nothing', async () => {
    const api = fakeApi([open]);
    const help = await run(['redrive', '--help'], api);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^usage: npm run clawback -- redrive <deadLetterId> --reason/);
    const bad = await run(['redrive', 'raw-0-1'], api);
    expect(bad).toMatchObject({ code: 1, out: '' });
    expect(bad.err).toMatch(/^clawback: redrive needs --reason/);
    expect(api.calls).toEqual([]);
  });
});
