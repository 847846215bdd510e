import type { PropertyEntry } from '../config/properties-file';
import { SECURE_LISTENER, secureListenerProperties } from './secure-listener';
import type { SecureMaterial } from './secure-material';

/** What varies in the local broker's configuration. */
export interface BrokerLayout {
  /** Host clients connect to (and the broker binds). */
  readonly host: string;
  /** Client listener. */
  readonly brokerPort: number;
  /** KRaft controller listener; kafkajs must never be pointed at it. */
  readonly controllerPort: number;
  /** `log.dirs`: topic data and KRaft metadata. */
  readonly dataDir: string;
  /** `node.id`; 1 for the single node. */
  readonly nodeId: number;
  /** `controller.quorum.voters`: `id@host:controllerPort` of every node, comma-separated. */
  readonly quorumVoters: string;
  /** How many nodes the cluster has: sets the replication of internal and provisioned topics. */
  readonly clusterSize: number;
  /** A SASL_SSL client listener besides PLAINTEXT (`infra:up -- --secure`). */
  readonly secure?: { readonly port: number; readonly material: SecureMaterial };
}

/** Replication for a cluster of `size` nodes: 3 copies and 2 in sync once there are 3 nodes. */
function clusterReplication(size: number): {
  readonly factor: number;
  readonly minInSync: number;
} {
  const factor = Math.min(size, 3);
  return { factor, minInSync: factor >= 3 ? 2 : 1 };
}

/**
 * A KRaft broker+controller node for tests on a small (2-core) box: alone (the quick default) or
 * one of a local cluster.
 *
 * - Internal and default topic replication follows the cluster size ({@link clusterReplication}):
 *   with one broker, the defaults (3 and 2) would make every transactional producer and consumer
 *   group wait forever; with three, a node may die without losing a write or an offset.
 * - `auto.create.topics.enable=false`: our services provision their topics explicitly, and
 *   Apicurio's kafkasql storage creates its own through the admin API, so a topic that appears
 *   by accident (a typo, a producer racing the provisioning) is a bug we want to see.
 * - `group.initial.rebalance.delay.ms=0`: tests start a consumer and expect it to get its
 *   partitions now, not after the default 3 s.
 * - Fewer threads, partitions for internal topics and dedupe buffer than the defaults, which
 *   are sized for production hardware.
 */
export function brokerProperties(layout: BrokerLayout): readonly PropertyEntry[] {
  const { host, brokerPort, controllerPort, dataDir } = layout;
  const { factor, minInSync } = clusterReplication(layout.clusterSize);
  const { secure } = layout;
  const secureListener = secure ? `,${SECURE_LISTENER}://${host}:${secure.port}` : '';
  const secureProtocol = secure ? `,${SECURE_LISTENER}:${SECURE_LISTENER}` : '';
  return [
    ['process.roles', 'broker,controller'],
    ['node.id', layout.nodeId],
    ['controller.quorum.voters', layout.quorumVoters],
    [
      'listeners',
      `PLAINTEXT://${host}:${brokerPort},CONTROLLER://${host}:${controllerPort}${secureListener}`,
    ],
    ['advertised.listeners', `PLAINTEXT://${host}:${brokerPort}${secureListener}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', `CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${secureProtocol}`],
    ['log.dirs', dataDir],
    ['auto.create.topics.enable', false],
    ['num.partitions', 1],
    ['default.replication.factor', factor],
    ['min.insync.replicas', minInSync],
    ['offsets.topic.replication.factor', factor],
    ['offsets.topic.num.partitions', 10],
    ['transaction.state.log.replication.factor', factor],
    ['transaction.state.log.min.isr', minInSync],
    ['transaction.state.log.num.partitions', 10],
    ['group.initial.rebalance.delay.ms', 0],
    ['num.network.threads', 2],
    ['num.io.threads', 4],
    ['num.recovery.threads.per.data.dir', 1],
    ['log.cleaner.threads', 1],
    ['log.cleaner.dedupe.buffer.size', 32 * 1024 * 1024],
    ...(secure ? secureListenerProperties(secure.material) : []),
  ];
}
