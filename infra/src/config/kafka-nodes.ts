import { InfraError } from '../infra-error';
import type { HostPort } from './addresses';

/** One local KRaft node (broker and controller in one process). */
export interface KafkaNode {
  /** `node.id`, from 1. */
  readonly id: number;
  readonly host: string;
  /** Client listener. */
  readonly port: number;
  /** KRaft controller listener. */
  readonly controllerPort: number;
}

/** Where a local cluster listens when `KAFKA_BROKERS` is not set: 29092, 29192, 29292, … */
const DEFAULT_CLUSTER_PORT = 29092;

/** Port distance between two nodes of the default cluster (each also uses its port + 1). */
const CLUSTER_PORT_STEP = 100;

/** The default client addresses of an `count`-node local cluster. */
export function defaultClusterBrokers(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `127.0.0.1:${DEFAULT_CLUSTER_PORT + i * CLUSTER_PORT_STEP}`,
  ).join(',');
}

/**
 * The nodes of the local cluster: one per broker address. A single node keeps its configurable
 * controller port (`CLAWBACK_KAFKA_CONTROLLER_PORT`); in a cluster each node's controller
 * listens on its client port + 1, so the addresses alone say where everything is.
 */
export function kafkaNodes(
  brokers: readonly HostPort[],
  count: number,
  singleControllerPort: number,
): readonly KafkaNode[] {
  if (brokers.length !== count) {
    throw new InfraError(
      'invalid_config',
      `KAFKA_BROKERS lists ${brokers.length} address(es) but ${count} local Kafka node(s) were asked for; list one per node, or leave KAFKA_BROKERS unset`,
    );
  }
  return brokers.map((broker, i) => ({
    id: i + 1,
    host: broker.host,
    port: broker.port,
    controllerPort: count === 1 ? singleControllerPort : broker.port + 1,
  }));
}
