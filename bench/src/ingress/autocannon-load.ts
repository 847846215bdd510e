import autocannon from 'autocannon';
import { serveChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { nowMs } from '../stats/stopwatch';
import type { LoadRequest, LoadResult } from './load-request';

/**
 * The ingress benchmark's load generator, run in its own process: autocannon at full speed
 * (each connection sends its next request as soon as the previous one is answered), every
 * request a distinct signed IPN from the pool.
 */
serveChild<LoadRequest, LoadResult>(async (request, report) => {
  const built = nowMs();
  const pool = ipnPool(request.pool);
  const poolBuildMs = nowMs() - built;
  report.progress(
    `load generator: ${pool.length} signed IPNs built in ${Math.round(poolBuildMs)} ms`,
  );
  let next = 0;
  const options = (duration: number): autocannon.Options => ({
    url: request.url,
    method: 'POST',
    connections: request.connections,
    duration,
    timeout: 30,
    headers: { 'content-type': pool[0]!.contentType },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: pool[next++ % pool.length]!.body }),
      },
    ],
  });
  const warmUp = await autocannon(options(request.warmUpSeconds));
  report.mark('measuring');
  const sentBefore = next;
  const result = await autocannon(options(request.durationSeconds));
  report.mark('done');
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [
      code,
      Number(stat.count ?? 0),
    ]),
  );
  return {
    poolBuildMs,
    warmUpOk: warmUp['2xx'],
    durationSeconds: result.duration,
    requests: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    poolWrapped: next > pool.length || next - sentBefore > pool.length,
  };
});
