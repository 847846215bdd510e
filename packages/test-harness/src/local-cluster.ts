// A KRaft cluster of a test's own (each node broker and controller), built from infra/'s pieces
// on free loopback ports with its data in a temporary folder, so a test may SIGKILL and restart
// its nodes without disturbing the shared broker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settingsFromEnv } from '../../../infra/src/config/settings';
import { kafkaComponents } from '../../../infra/src/kafka/kafka-component';
import type { PidRecord } from '../../../infra/src/process/process-ownership';
import { spawnDetached } from '../../../infra/src/process/spawn-detached';
import { isRunning, stopProcess } from '../../../infra/src/process/stop-process';
import { freePorts } from './free-port';
import { waitFor } from './wait-for';

/** One node of a {@link LocalCluster}. */
interface ClusterNode {
  /** `node.id`, from 1. */
  readonly id: number;
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  /** True while its process runs. */
  isRunning(): boolean;
  /** SIGKILLs the process (no controlled shutdown) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the process again on the same data and waits until it answers metadata requests. */
  start(): Promise<void>;
}

/** A running local cluster; replication factor 3 and min ISR 2 once it has 3 nodes. */
export interface LocalCluster {
  /** Every node's address, comma-separated, for `KAFKA_BROKERS`. */
  readonly brokers: string;
  readonly nodes: readonly ClusterNode[];
  /** Stops every node and deletes the data. */
  destroy(): Promise<void>;
}

/** Starts `count` nodes together (a quorum answers only once a majority runs) and waits for all. */
export async function startLocalCluster(count: number): Promise<LocalCluster> {
  const ports = await freePorts(count * 2);
  const dir = mkdtempSync(join(tmpdir(), 'clawback-cluster-'));
  const addresses = Array.from({ length: count }, (_, i) => `127.0.0.1:${ports[i] ?? 0}`);
  const env = { ...process.env, KAFKA_BROKERS: addresses.join(',') };
  const shared = settingsFromEnv(env, resolve(__dirname, '../../../infra'), { brokers: count });
  const settings = {
    ...shared,
    // Controllers on free ports of their own, not the client port + 1 infra:up uses.
    kafkaNodes: shared.kafkaNodes.map((node, i) => ({
      ...node,
      controllerPort: ports[count + i] ?? 0,
    })),
    kafkaHeap: '256m',
    paths: {
      ...shared.paths,
      kafkaData: join(dir, 'data'),
      configDir: join(dir, 'config'),
      runDir: join(dir, 'run'),
      logsDir: join(dir, 'logs'),
    },
  };
  const components = kafkaComponents(settings, env);
  const records: (PidRecord | undefined)[] = components.map(() => undefined);
  for (const component of components) await component.prepare(() => undefined);

  const waitUntilAnswering = async (i: number): Promise<void> => {
    const component = components[i];
    if (!component) return;
    await waitFor(
      async () => {
        const record = records[i];
        if (!record || !isRunning(record)) throw new Error(`${component.name} is not running`);
        return component.probe();
      },
      { timeoutMs: 120_000, intervalMs: 250, description: `${component.name} to answer` },
    );
  };
  const spawn = async (i: number): Promise<void> => {
    const component = components[i];
    if (component) records[i] = await spawnDetached(component.startCommand());
  };
  const destroy = async (): Promise<void> => {
    await Promise.all(
      records.map((record) => (record ? stopProcess(record, 5_000) : Promise.resolve())),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i += 1) await spawn(i);
    for (let i = 0; i < count; i += 1) await waitUntilAnswering(i);
  } catch (error) {
    await destroy();
    throw error;
  }
  const nodes = addresses.map((address, i) => ({
    id: i + 1,
    address,
    isRunning: () => {
      const record = records[i];
      return record !== undefined && isRunning(record);
    },
    kill: async () => {
      const record = records[i];
      if (!record) return;
      if (isRunning(record)) process.kill(record.pid, 'SIGKILL');
      await waitFor(() => !isRunning(record), {
        timeoutMs: 30_000,
        description: `node ${i + 1} to die`,
      });
      records[i] = undefined;
    },
    start: async () => {
      await spawn(i);
      await waitUntilAnswering(i);
    },
  }));
  return { brokers: addresses.join(','), nodes, destroy };
}
