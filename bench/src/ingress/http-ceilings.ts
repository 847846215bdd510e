import type { BenchEnvironment } from '../pipeline/bench-environment';
import { startBareHttpCluster } from './bare-http-cluster';
import type { BareHttpMode } from './bare-http-server';
import { loadRound, type LoadRoundShape, type MeasuredRound } from './load-round';

/** The extra topic the produce modes write to (the raw topic's partition count). */
export const BARE_HTTP_TOPIC = 'bare-http';

/** One ceiling row: what the substrate does with the same load and no (or less) work of ours. */
export interface HttpCeilingRun extends MeasuredRound {
  readonly mode: BareHttpMode;
  readonly shutdownExit: number | NodeJS.Signals | null;
}

/** Modes in the order they run; round numbers after the ingress's keep their orders apart. */
const MODES: readonly BareHttpMode[] = ['respond', 'produce', 'produce-ingress-producer'];

/**
 * Runs one round per mode against a fresh bare cluster of `workers` (see `bare-http-server.ts`),
 * with the same load generator, connections, durations and request bytes as the ingress.
 */
export async function httpCeilings(
  env: BenchEnvironment,
  shape: LoadRoundShape,
  workers: number,
  firstRound: number,
  log: (line: string) => void,
): Promise<HttpCeilingRun[]> {
  const topic = env.extraTopics[BARE_HTTP_TOPIC]!;
  const runs: HttpCeilingRun[] = [];
  for (const [i, mode] of MODES.entries()) {
    log(`ceiling: bare node HTTP, ${workers} workers, ${mode}`);
    const server = await startBareHttpCluster(env.env(), mode, topic, workers);
    let measured: MeasuredRound;
    try {
      measured = await loadRound(env.admin, server, topic, shape, firstRound + i, log);
    } catch (error) {
      await server.stop();
      throw error;
    }
    runs.push({ ...measured, mode, shutdownExit: await server.stop() });
  }
  return runs;
}
