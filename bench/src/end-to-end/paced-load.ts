import { Agent, request as httpRequest } from 'node:http';
import { serveChild } from '../pipeline/child-process';
import { ipnPool, notificationIdOf, type IpnRequest } from '../pipeline/ipn-pool';
import { epochMs } from './epoch-clock';
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
 * An open-loop load generator: request i is due at `start + i / rate`, whether or not earlier
 * ones were answered, so a slow pipeline shows as latency instead of a lower offered load
 * (no coordinated omission). Runs in its own process.
 */
serveChild<PacedRequest, PacedResult>(async (request) => {
  const total = request.ratePerSecond * (request.warmUpSeconds + request.durationSeconds);
  const warmUpCount = request.ratePerSecond * request.warmUpSeconds;
  const pool = ipnPool({ count: total, inOrder: true, ...request.pool });
  const ids = pool.map((ipn) => notificationIdOf(ipn, request.pool.merchantId));
  const agent = new Agent({ keepAlive: true, maxSockets: request.maxInFlight });
  const url = new URL(request.url);
  const sent: SentRequest[] = new Array<SentRequest>(total);
  let next = 0;
  let inFlight = 0;
  const start = epochMs();
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(
        total,
        Math.floor(((epochMs() - start) * request.ratePerSecond) / 1000) + 1,
      );
      for (; next < due; next++) {
        const i = next;
        const base = {
          notificationId: ids[i]!,
          orderKey: pool[i]!.orderKey,
          kind: pool[i]!.kind,
          warmUp: i < warmUpCount,
        };
        const startMs = epochMs();
        if (inFlight >= request.maxInFlight) {
          sent[i] = { ...base, startMs, endMs: startMs, status: -1 };
          continue;
        }
        inFlight++;
        void post(agent, url, pool[i]!).then((outcome) => {
          inFlight--;
          sent[i] = { ...base, startMs, endMs: epochMs(), ...outcome };
          if (next >= total && inFlight === 0) resolve();
        });
      }
      if (next < total) setTimeout(tick, 1);
      else if (inFlight === 0) resolve();
    };
    tick();
  });
  agent.destroy();
  return { requests: sent, elapsedMs: epochMs() - start };
});
