import type { PropertyEntry } from '../config/properties-file';

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
}

/**
 * A single-node KRaft broker+controller for tests on a small (2-core) box.
 *
 * - Internal topics get replication factor 1 and min ISR 1: with one broker, the defaults (3 and
 *   2) would make every transactional producer and consumer group wait forever.
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
  return [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@${host}:${controllerPort}`],
    ['listeners', `PLAINTEXT://${host}:${brokerPort},CONTROLLER://${host}:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${host}:${brokerPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', dataDir],
    ['auto.create.topics.enable', false],
    ['num.partitions', 1],
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
    ['offsets.topic.replication.factor', 1],
    ['offsets.topic.num.partitions', 10],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['transaction.state.log.num.partitions', 10],
    ['group.initial.rebalance.delay.ms', 0],
    ['num.network.threads', 2],
    ['num.io.threads', 4],
    ['num.recovery.threads.per.data.dir', 1],
    ['log.cleaner.threads', 1],
    ['log.cleaner.dedupe.buffer.size', 32 * 1024 * 1024],
  ];
}
