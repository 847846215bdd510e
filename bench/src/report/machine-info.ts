import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { versionsFromEnv } from '../../../infra/src/config/versions';

/** The machine a result was measured on; figures from different machines do not compare. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly freeMemoryBytes: number;
  /** 1-minute load average at the start: a shared machine's noise, recorded, not removed. */
  readonly loadAverage1m: number;
  readonly os: string;
  readonly node: string;
  /** The broker version the local infrastructure runs (`CLAWBACK_KAFKA_VERSION` or infra's default). */
  readonly kafka: string;
  readonly kafkajs: string;
}

function packageVersion(name: string): string {
  const file = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Describes this machine and the software versions in play. */
export function machineInfo(env: NodeJS.ProcessEnv = process.env): MachineInfo {
  const processors = cpus();
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    os: `${platform()} ${release()}`,
    node: process.version,
    kafka: versionsFromEnv(env).kafka,
    kafkajs: packageVersion('kafkajs'),
  };
}
