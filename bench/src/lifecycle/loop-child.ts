import { loadConfig } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import { isDownstream, startDownstreamLoop } from '../downstream/downstream-runner';
import { serveChild, type ChildReport } from '../pipeline/child-process';
import { endOffsets, waitForCommitted } from '../pipeline/committed-offsets';
import { measureProcessLoad } from '../pipeline/process-load';
import { sampleRss } from '../pipeline/rss-sampler';
import type { ServiceCounters } from '../pipeline/service-counters';
import { nowMs, perSecond } from '../stats/stopwatch';
import { startCopyLoop, type RunningLoop } from './copy-loops';
import { startLifecycleLoop } from './lifecycle-runner';
import type { LoopRequest, LoopResult } from './loop-request';

type Outcome = LoopResult & { counters?: ServiceCounters; errorLogLines?: number };

async function untilCaughtUp(
  request: LoopRequest,
  loop: RunningLoop,
  report: ChildReport,
  peakRss: () => number,
): Promise<LoopResult> {
  const config = loadConfig(['kafka'], request.env);
  const admin = createKafkaClient(config.kafka, { clientId: `${request.groupId}-watch` }).admin();
  await admin.connect();
  try {
    const ends = await endOffsets(admin, request.inputTopic);
    await loop.joined;
    const start = nowMs();
    const load = measureProcessLoad();
    report.mark('joined');
    await waitForCommitted(admin, request.groupId, request.inputTopic, ends, {
      timeoutMs: request.timeoutMs,
    });
    const elapsedMs = nowMs() - start;
    const records = [...ends.values()].reduce((a, b) => a + Number(b), 0);
    return {
      records,
      elapsedMs,
      recordsPerSecond: perSecond(records, elapsedMs),
      peakRssBytes: peakRss(),
      cpuCores: load().cpuCores,
    };
  } finally {
    await admin.disconnect();
  }
}

async function untilTold(
  loop: RunningLoop,
  report: ChildReport,
  peakRss: () => number,
): Promise<LoopResult> {
  await loop.joined;
  const start = nowMs();
  const load = measureProcessLoad();
  report.mark('joined');
  await report.next();
  return {
    records: 0,
    elapsedMs: nowMs() - start,
    recordsPerSecond: 0,
    peakRssBytes: peakRss(),
    cpuCores: load().cpuCores,
  };
}

/**
 * One consume→produce loop in its own process, so its peak RSS is its own: the lifecycle
 * service, a downstream consumer or a bare copy loop, measured to its input topic's end or run
 * until told to stop.
 */
serveChild<LoopRequest, Outcome>(async (request, report) => {
  const peakRss = sampleRss();
  const service =
    request.kind === 'lifecycle'
      ? await startLifecycleLoop(request)
      : isDownstream(request.kind)
        ? await startDownstreamLoop(request.kind, request)
        : undefined;
  const loop: RunningLoop =
    service ??
    (await startCopyLoop(createKafkaClient(loadConfig(['kafka'], request.env).kafka), request));
  try {
    const result =
      request.until === 'told'
        ? await untilTold(loop, report, peakRss)
        : await untilCaughtUp(request, loop, report, peakRss);
    return {
      ...result,
      ...(service && {
        counters: await service.counters(),
        errorLogLines: service.errorLogLines(),
      }),
    };
  } finally {
    await loop.stop();
  }
});
