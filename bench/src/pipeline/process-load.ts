import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { nowMs } from '../stats/stopwatch';

/** How busy this process was over an interval. */
export interface ProcessLoad {
  /** Share of the interval the event loop was running code (1 = saturated thread). */
  readonly eventLoopUtilization: number;
  /** CPU time (user + system, all threads) over wall time; above 1 uses more than one core. */
  readonly cpuCores: number;
}

/** Starts measuring this process's load; call the result to read it. */
export function measureProcessLoad(): () => ProcessLoad {
  const elu: EventLoopUtilization = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const start = nowMs();
  return () => {
    const used = process.cpuUsage(cpu);
    const wallMs = nowMs() - start;
    return {
      eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
      cpuCores: (used.user + used.system) / 1000 / wallMs,
    };
  };
}
