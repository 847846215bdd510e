import { renderProperties } from '../config/properties-file';
import { brokerProperties } from './server-properties';

const layout = {
  host: '127.0.0.1',
  brokerPort: 19092,
  controllerPort: 19093,
  dataDir: '/d/kafka',
  nodeId: 1,
  quorumVoters: '1@127.0.0.1:19093',
  clusterSize: 1,
};

function parse(text: string): Map<string, string> {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return new Map(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('brokerProperties', () => {
  const props = parse(renderProperties(brokerProperties(layout)));

  it('runs one KRaft node as broker and controller on separate listeners', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('log.dirs')).toBe('/d/kafka');
  });

  it('lets transactions and consumer groups work with a single replica', () => {
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('never creates topics implicitly', () => {
    expect(props.get('auto.create.topics.enable')).toBe('false');
  });

  it('names every key once', () => {
    const keys = brokerProperties(layout).map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('follows the configured host and ports', () => {
    const moved = parse(
      renderProperties(
        brokerProperties({
          ...layout,
          host: 'localhost',
          brokerPort: 29092,
          controllerPort: 29093,
          quorumVoters: '1@localhost:29093',
        }),
      ),
    );
    expect(moved.get('advertised.listeners')).toBe('PLAINTEXT://localhost:29092');
    expect(moved.get('controller.quorum.voters')).toBe('1@localhost:29093');
  });

  it('replicates three times, two in sync, in a three-node cluster', () => {
    const node2 = parse(
      renderProperties(
        brokerProperties({
          ...layout,
          nodeId: 2,
          quorumVoters: '1@h:1,2@h:2,3@h:3',
          clusterSize: 3,
        }),
      ),
    );
    expect(node2.get('node.id')).toBe('2');
    expect(node2.get('controller.quorum.voters')).toBe('1@h:1,2@h:2,3@h:3');
    for (const key of [
      'default.replication.factor',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
    ]) {
      expect(node2.get(key)).toBe('3');
    }
    expect(node2.get('min.insync.replicas')).toBe('2');
    expect(node2.get('transaction.state.log.min.isr')).toBe('2');
  });
});

describe('brokerProperties with a SASL_SSL listener', () => {
  const material = {
    caFile: '/c/ca.pem',
    keystoreFile: '/c/broker.p12',
    keystorePassword: 'ks',
    username: 'clawback',
    password: 'pw',
  };
  const props = new Map(
    brokerProperties({
      host: '127.0.0.1',
      brokerPort: 19092,
      controllerPort: 19093,
      dataDir: '/d',
      nodeId: 1,
      quorumVoters: '1@127.0.0.1:19093',
      clusterSize: 1,
      secure: { port: 19094, material },
    }),
  );

  it('adds the listener beside PLAINTEXT, advertised, with SCRAM-SHA-512 over TLS', () => {
    expect(props.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093,SASL_SSL://127.0.0.1:19094',
    );
    expect(props.get('advertised.listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094',
    );
    expect(props.get('listener.security.protocol.map')).toBe(
      'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL',
    );
    expect(props.get('listener.name.sasl_ssl.sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
    expect(props.get('listener.name.sasl_ssl.ssl.keystore.location')).toBe('/c/broker.p12');
    expect(props.get('inter.broker.listener.name')).toBe('PLAINTEXT');
  });
});
