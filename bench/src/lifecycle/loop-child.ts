import { loadConfig } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import { serveChild } from '../pipeline/child-process';
import { endOffsets, waitForCommitted } from '../pipeline/committed-offsets';
import { measureProcessLoad } from '../pipeline/process-load';
import { nowMs, perSecond } from '../stats/stopwatch';
import { startCopyLoop, type RunningLoop } from './copy-loops';
import { startLifecycleLoop, type LifecycleCounters } from './lifecycle-runner';
import type { LoopRequest, LoopResult } from './loop-request';

/**
 * One consume→produce loop in its own process, so its peak RSS is its own: joins, consumes
 * the raw topic from the start, and reports when its group has committed the last offset.
 */
serveChild<LoopRequest, LoopResult & { counters?: LifecycleCounters }>(async (request, report) => {
  const config = loadConfig(['kafka'], request.env);
  const kafka = createKafkaClient(config.kafka, { clientId: `${request.groupId}-watch` });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await endOffsets(admin, request.rawTopic);
    const records = [...ends.values()].reduce((a, b) => a + Number(b), 0);
    const lifecycle = request.kind === 'lifecycle' ? await startLifecycleLoop(request) : undefined;
    const loop: RunningLoop = lifecycle ?? (await startCopyLoop(kafka, request));
    try {
      await loop.joined;
      const start = nowMs();
      const load = measureProcessLoad();
      report.mark('joined');
      await waitForCommitted(admin, request.groupId, request.rawTopic, ends, {
        timeoutMs: request.timeoutMs,
      });
      const elapsedMs = nowMs() - start;
      const cpu = load();
      return {
        records,
        elapsedMs,
        recordsPerSecond: perSecond(records, elapsedMs),
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        cpuCores: cpu.cpuCores,
        ...(lifecycle && { counters: await lifecycle.counters() }),
      };
    } finally {
      await loop.stop();
    }
  } finally {
    await admin.disconnect();
  }
});
