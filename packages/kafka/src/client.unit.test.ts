import { Writable } from 'node:stream';
import { loadKafkaConfig } from '@clawback/config';
import { createLogger } from '@clawback/logging';
import { logLevel } from 'kafkajs';
import { kafkaJsConfig } from './client';
import { pinoLogCreator } from './log-creator';
import { sendPerBrokerWarning } from './send-per-broker-install';

describe('kafkaJsConfig', () => {
  it('passes brokers and client id, silent without a logger', () => {
    const config = kafkaJsConfig(
      loadKafkaConfig({ KAFKA_BROKERS: 'a:1,b:2', KAFKA_CLIENT_ID: 'svc' }),
    );
    expect(config).toMatchObject({
      brokers: ['a:1', 'b:2'],
      clientId: 'svc',
      logLevel: logLevel.NOTHING,
    });
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it('maps SASL and reads TLS files', () => {
    const files: Record<string, string> = { '/ca.pem': 'CA', '/c.pem': 'CERT', '/k.pem': 'KEY' };
    const config = kafkaJsConfig(
      loadKafkaConfig({
        KAFKA_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/ca.pem',
        KAFKA_SSL_CERT_FILE: '/c.pem',
        KAFKA_SSL_KEY_FILE: '/k.pem',
      }),
      { readFile: (path) => Buffer.from(files[path]!) },
    );
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'u', password: 'p' });
    expect(config.ssl).toEqual({
      rejectUnauthorized: true,
      ca: [Buffer.from('CA')],
      cert: Buffer.from('CERT'),
      key: Buffer.from('KEY'),
    });
  });
});

describe('pinoLogCreator', () => {
  it('writes kafkajs entries through the redacting logger', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pinoLogCreator(createLogger({ service: 'test', level: 'debug', destination }))();
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: {
        timestamp: 'now',
        logger: 'kafkajs',
        message: 'Connection error',
        broker: '10.1.2.3:9092',
      },
    });
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      level: 50,
      component: 'kafkajs',
      namespace: 'Connection',
      msg: 'Connection error',
    });
    expect(line.broker).toBe('[ip]:9092');
  });
});

describe('sendPerBrokerWarning', () => {
  it('is silent when the replacement is in place, and says why and what it costs when not', () => {
    expect(sendPerBrokerWarning('installed')).toBeUndefined();
    expect(sendPerBrokerWarning('kafkajs-loaded-first')).toMatch(
      /^kafkajs was loaded before @clawback\/kafka: producers send one request per partition/,
    );
    expect(sendPerBrokerWarning('other-kafkajs')).toMatch(/^kafkajs is not version 2\.2\.4/);
  });
});
