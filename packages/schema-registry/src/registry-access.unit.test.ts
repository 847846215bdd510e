import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRegistryAccessOrExit, registryAccessError } from './registry-access';

const USER = 'clawback';
const PASSWORD = 'right-password';

/** A stand-in for a registry behind basic auth: 401 unless the header carries USER:PASSWORD. */
function startStandIn(): Promise<{ server: Server; url: string; seen: (string | undefined)[] }> {
  const seen: (string | undefined)[] = [];
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const server = createServer((request, response) => {
    seen.push(request.headers.authorization);
    const ok =
      request.url === '/apis/ccompat/v7/subjects' && request.headers.authorization === expected;
    response.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    response.end(ok ? '[]' : '{"error_code":401}');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/apis/ccompat/v7`, seen });
    });
  });
}

describe('registryAccessError', () => {
  const url = 'http://127.0.0.1:18081/apis/ccompat/v7';

  it('names both variables for rejected credentials, never the password', () => {
    const error = registryAccessError(401, { url, auth: { username: 'u', password: 'p4ss' } });
    expect(error?.code).toBe('registry_unauthorized');
    expect(error?.retriable).toBe(false);
    expect(error?.message).toBe(
      `the schema registry at ${url} rejected the credentials of user "u" (HTTP 401); check SCHEMA_REGISTRY_PASSWORD and SCHEMA_REGISTRY_USERNAME`,
    );
    expect(error?.message).not.toContain('p4ss');
  });

  it('asks for credentials when none are configured', () => {
    expect(registryAccessError(403, { url })?.message).toContain(
      'wants credentials (HTTP 403); set SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD',
    );
  });

  it('is no refusal for other statuses', () => {
    expect(registryAccessError(200, { url })).toBeUndefined();
    expect(registryAccessError(503, { url })).toBeUndefined();
  });
});

describe('checkRegistryAccessOrExit', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let exit: jest.SpyInstance;

  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => new Promise<void>((resolve) => standIn.server.close(() => resolve())));
  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
  });
  afterEach(() => exit.mockRestore());

  const env = (password?: string) => ({
    SCHEMA_REGISTRY_URL: standIn.url,
    ...(password !== undefined && {
      SCHEMA_REGISTRY_USERNAME: USER,
      SCHEMA_REGISTRY_PASSWORD: password,
    }),
  });

  it('passes with the right credentials, sent as a basic auth header', async () => {
    const lines: string[] = [];
    await checkRegistryAccessOrExit('svc', env(PASSWORD), (line) => lines.push(line));
    expect(lines).toEqual([]);
    expect(standIn.seen.at(-1)).toBe(
      `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
    );
  });

  it('prints one line and exits 1 for a wrong password', async () => {
    const lines: string[] = [];
    await expect(
      checkRegistryAccessOrExit('svc', env('wrong'), (line) => lines.push(line)),
    ).rejects.toThrow('exit 1');
    expect(lines).toEqual([
      `svc: the schema registry refused the connection: the schema registry at ${standIn.url} rejected the credentials of user "${USER}" (HTTP 401); check SCHEMA_REGISTRY_PASSWORD and SCHEMA_REGISTRY_USERNAME\n`,
    ]);
  });

  it('exits 1 when the registry wants credentials and none are set', async () => {
    const lines: string[] = [];
    await expect(
      checkRegistryAccessOrExit('svc', env(), (line) => lines.push(line)),
    ).rejects.toThrow('exit 1');
    expect(lines[0]).toContain('set SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD');
  });

  it('lets a registry that does not answer pass (an outage is retried later)', async () => {
    const lines: string[] = [];
    const closed = await startStandIn();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    await checkRegistryAccessOrExit('svc', { SCHEMA_REGISTRY_URL: closed.url }, (line) =>
      lines.push(line),
    );
    expect(lines).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });
});
