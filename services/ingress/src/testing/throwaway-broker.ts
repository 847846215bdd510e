// A single-node KRaft broker of its own for the broker-outage test, built from infra/'s
// pieces, so stopping it never disturbs the shared broker other test files use. infra/ has no
// exported start/stop API for a second broker yet; when it has, this file should use it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settingsFromEnv } from '../../../../infra/src/config/settings';
import { kafkaComponent } from '../../../../infra/src/kafka/kafka-component';
import type { PidRecord } from '../../../../infra/src/process/process-ownership';
import { spawnDetached } from '../../../../infra/src/process/spawn-detached';
import { isRunning, stopProcess } from '../../../../infra/src/process/stop-process';
import { freePorts } from '@clawback/test-harness';

/** A broker that a test may stop and start again (same data, same port). */
export interface ThrowawayBroker {
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  /** Starts the broker process and waits until it answers metadata requests. */
  start(): Promise<void>;
  /** Stops the broker process (SIGTERM, SIGKILL after a while). */
  stop(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Prepares (configuration, storage format; the jars come from the shared infra cache) a broker
 * on free loopback ports in a temporary folder. Call `start()` next, `destroy()` at the end.
 */
export async function createThrowawayBroker(): Promise<ThrowawayBroker> {
  const [brokerPort = 0, controllerPort = 0] = await freePorts(2);
  const address = `127.0.0.1:${brokerPort}`;
  const dir = mkdtempSync(join(tmpdir(), 'clawback-broker-'));
  const env = { ...process.env, KAFKA_BROKERS: address };
  const shared = settingsFromEnv(env, resolve(__dirname, '../../../../infra'));
  const settings = {
    ...shared,
    kafkaControllerPort: controllerPort,
    kafkaHeap: '256m',
    paths: {
      ...shared.paths,
      kafkaData: join(dir, 'data'),
      configDir: join(dir, 'config'),
      runDir: join(dir, 'run'),
      logsDir: join(dir, 'logs'),
    },
  };
  const component = kafkaComponent(settings, env);
  await component.prepare(() => undefined);
  let record: PidRecord | undefined;

  const stop = async (): Promise<void> => {
    if (record) await stopProcess(record, 20_000);
    record = undefined;
  };
  return {
    address,
    start: async () => {
      record = await spawnDetached(component.startCommand());
      const started = record;
      await until(
        async () => {
          if (!isRunning(started)) throw new Error(`broker exited; see ${started.logFile}`);
          return component.probe();
        },
        120_000,
        `the throwaway broker at ${address}`,
      );
    },
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
