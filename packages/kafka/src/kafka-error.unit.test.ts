import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import { KafkaError, toKafkaError } from './kafka-error';

// kafkajs's typings omit this constructor's message parameter.
const SaslError = KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error;

const protocol = (type: string, retriable = false, message = type) =>
  new KafkaJSProtocolError({ type, code: 0, retriable, message } as never);

describe('toKafkaError', () => {
  it.each([
    [protocol('INVALID_PRODUCER_EPOCH'), 'kafka_producer_fenced', false],
    [
      protocol('KAFKAJS_UNKNOWN_ERROR_CODE', false, 'Unknown error code 90'),
      'kafka_producer_fenced',
      false,
    ],
    [protocol('CONCURRENT_TRANSACTIONS'), 'kafka_concurrent_transactions', true],
    [protocol('INVALID_TXN_STATE'), 'kafka_invalid_transaction_state', false],
    [protocol('REBALANCE_IN_PROGRESS'), 'kafka_rebalancing', true],
    [protocol('UNKNOWN_TOPIC_OR_PARTITION', true), 'kafka_unknown_topic', true],
    [protocol('TOPIC_AUTHORIZATION_FAILED'), 'kafka_not_authorized', false],
    [protocol('MESSAGE_TOO_LARGE'), 'kafka_message_too_large', false],
    [protocol('NOT_ENOUGH_REPLICAS', true), 'kafka_unavailable', true],
    [new KafkaJSConnectionError('refused'), 'kafka_unavailable', true],
    [new KafkaJSRequestTimeoutError('slow'), 'kafka_timeout', true],
    [new SaslError('bad password'), 'kafka_not_authorized', false],
  ])('%s -> %s', (error, code, retriable) => {
    const mapped = toKafkaError(error);
    expect(mapped).toBeInstanceOf(KafkaError);
    expect(mapped.code).toBe(code);
    expect(mapped.retriable).toBe(retriable);
    expect(mapped.cause).toBe(error);
  });

  it('looks through retry and aggregate wrappers', () => {
    const inner = new KafkaJSConnectionError('Connection refused');
    const exhausted = new KafkaJSNumberOfRetriesExceeded(inner, { retryCount: 5, retryTime: 100 });
    expect(toKafkaError(exhausted, 'sending').code).toBe('kafka_unavailable');
    expect(toKafkaError(exhausted, 'sending').message).toBe('sending: Connection refused');
    const aggregate = new KafkaJSAggregateError('many', [protocol('INVALID_PRODUCER_EPOCH')]);
    expect(toKafkaError(aggregate).code).toBe('kafka_producer_fenced');
  });

  it('keeps kafkajs retriability for errors it does not know', () => {
    expect(toKafkaError(new KafkaJSError('odd', { retriable: true }))).toMatchObject({
      code: 'kafka_error',
      retriable: true,
    });
    expect(toKafkaError(new Error('plain'))).toMatchObject({
      code: 'kafka_error',
      retriable: false,
    });
  });

  it('passes KafkaErrors through', () => {
    const error = new KafkaError('kafka_timeout', 'x', { retriable: true });
    expect(toKafkaError(error)).toBe(error);
  });
});
