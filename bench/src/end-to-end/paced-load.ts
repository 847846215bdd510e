import { Agent, request as httpRequest } from 'node:http';
import { serveChild } from '../pipeline/child-process';
import { ipnPool, notificationIdOf, type IpnRequest } from '../pipeline/ipn-pool';
import { recordOpenLoop, type Outcome } from './open-loop';
import type { PacedRequest, PacedResult } from './paced-request';

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
  const result = await recordOpenLoop({
    pool,
    idOf: (i) => ids[i]!,
    ratePerSecond: request.ratePerSecond,
    warmUpCount,
    maxInFlight: request.maxInFlight,
    attempt: (i) => post(agent, url, pool[i]!),
  });
  agent.destroy();
  return result;
});
