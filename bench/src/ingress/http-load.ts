import { serveChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { summarize } from '../stats/percentiles';
import { nowMs } from '../stats/stopwatch';
import { loadConnection, requestBytes, type Tally } from './load-connection';
import type { LoadRequest, LoadResult } from './load-request';

/** How long requests still in flight after the window may take before they count as timeouts. */
const DRAIN_MS = 30_000;

/**
 * The ingress benchmark's load generator, run in its own process: `connections` keep-alive
 * sockets, each sending its next request as soon as the previous one is answered, every
 * request a distinct signed IPN whose HTTP bytes were built before timing started. Raw
 * sockets and a minimal response reader keep its own CPU small, so on a 2-core machine it
 * leaves the ingress workers as much of the machine as it can.
 */
serveChild<LoadRequest, LoadResult>(async (request, report) => {
  const built = nowMs();
  const url = new URL(request.url);
  const requests = ipnPool(request.pool).map((ipn) => requestBytes(url, ipn.contentType, ipn.body));
  const poolBuildMs = nowMs() - built;
  report.progress(
    `load generator: ${requests.length} signed requests built in ${Math.round(poolBuildMs)} ms`,
  );
  const tally: Tally = {
    measuring: false,
    ok: 0,
    okAll: 0,
    errors: 0,
    statusCodes: {},
    latencies: [],
  };
  let next = 0;
  let running = true;
  const connections = Array.from({ length: request.connections }, () =>
    loadConnection(url, tally, () => (running ? requests[next++ % requests.length]! : undefined)),
  );
  await new Promise((resolve) => setTimeout(resolve, request.warmUpSeconds * 1000));
  tally.measuring = true;
  const cpu = process.cpuUsage();
  const start = nowMs();
  report.mark('measuring');
  await new Promise((resolve) => setTimeout(resolve, request.durationSeconds * 1000));
  tally.measuring = false;
  const elapsedMs = nowMs() - start;
  const used = process.cpuUsage(cpu);
  report.mark('done');
  running = false;
  const drained = await Promise.all(connections.map((c) => c.idle(DRAIN_MS)));
  for (const c of connections) c.close();
  const answered = Object.values(tally.statusCodes).reduce((a, b) => a + b, 0);
  return {
    poolBuildMs,
    okAll: tally.okAll,
    durationSeconds: elapsedMs / 1000,
    requests: answered,
    ok: tally.ok,
    non2xx: answered - tally.ok,
    errors: tally.errors,
    timeouts: drained.filter((idle) => !idle).length,
    statusCodes: tally.statusCodes,
    latencyMs: summarize(tally.latencies),
    cpuCores: (used.user + used.system) / 1000 / elapsedMs,
    poolWrapped: next > requests.length,
  };
});
