import { Agent, request as httpRequest } from 'node:http';
import { serveChild } from '../pipeline/child-process';
import { ipnPool, notificationIdOf, type IpnRequest } from '../pipeline/ipn-pool';
import { epochMs } from './epoch-clock';
import { runOpenLoop } from './open-loop';
import type { PacedRequest, PacedResult, SentRequest } from './paced-request';

/** An answer's status, or 0 and why the request got none. */
type Outcome = { readonly status: number; readonly error?: string };

function post(agent: Agent, url: URL, ipn: IpnRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': ipn.contentType, 'content-length': ipn.body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, error: error.code ?? error.message }),
    );
    req.end(ipn.body);
  });
}

/**
 * The end-to-end load generator: signed IPNs POSTed to the ingress on an open loop
 * ({@link runOpenLoop}). Runs in its own process.
 */
serveChild<PacedRequest, PacedResult>(async (request) => {
  const total = request.ratePerSecond * (request.warmUpSeconds + request.durationSeconds);
  const warmUpCount = request.ratePerSecond * request.warmUpSeconds;
  const pool = ipnPool({ count: total, inOrder: true, ...request.pool });
  const ids = pool.map((ipn) => notificationIdOf(ipn, request.pool.merchantId));
  const agent = new Agent({ keepAlive: true, maxSockets: request.connections });
  const url = new URL(request.url);
  const sent: SentRequest[] = new Array<SentRequest>(total);
  const base = (i: number) => ({
    notificationId: ids[i]!,
    orderKey: pool[i]!.orderKey,
    kind: pool[i]!.kind,
    warmUp: i < warmUpCount,
  });
  const start = epochMs();
  await runOpenLoop({
    total,
    ratePerSecond: request.ratePerSecond,
    maxInFlight: request.maxInFlight,
    send: async (i) => {
      const startMs = epochMs();
      const outcome = await post(agent, url, pool[i]!);
      sent[i] = { ...base(i), startMs, endMs: epochMs(), ...outcome };
    },
    shed: (i) => {
      const startMs = epochMs();
      sent[i] = { ...base(i), startMs, endMs: startMs, status: -1 };
    },
  });
  agent.destroy();
  return { requests: sent, elapsedMs: epochMs() - start };
});
