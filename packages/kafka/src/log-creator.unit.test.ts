import { Writable } from 'node:stream';
import { createLogger } from '@clawback/logging';
import { logLevel } from 'kafkajs';
import { pinoLogCreator } from './log-creator';
import { retriableResponseType } from './retriable-responses';

const concurrent =
  'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing';

/** A logger at debug whose lines are collected as parsed JSON. */
function collectingLogger(): {
  lines: Record<string, unknown>[];
  logger: ReturnType<typeof createLogger>;
} {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'debug', destination }) };
}

const entry = (level: logLevel, message: string, error?: string) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: 'now', logger: 'kafkajs', message, ...(error && { error }) },
});

describe('kafkajs log lines through pino', () => {
  it('recognises a broker answer that a retry fixes by the message kafkajs logs', () => {
    expect(
      retriableResponseType({ message: 'Response AddOffsetsToTxn(key: 25)', error: concurrent }),
    ).toBe('CONCURRENT_TRANSACTIONS');
    expect(
      retriableResponseType({
        message: 'Response Produce(key: 0)',
        error: 'Not authorized to access topics: [Topic authorization failed]',
      }),
    ).toBeNull();
    expect(retriableResponseType({ message: 'Crash', error: concurrent })).toBeNull();
  });

  it("recognises a new cluster's coordinator answers (seen at every cluster start) as retries", () => {
    expect(
      retriableResponseType({
        message: 'Response GroupCoordinator(key: 10, version: 2)',
        error: 'The group coordinator is not available',
      }),
    ).toBe('GROUP_COORDINATOR_NOT_AVAILABLE');
    expect(
      retriableResponseType({
        message: 'Response InitProducerId(key: 22, version: 1)',
        error: "The coordinator is loading and hence can't process requests for this group",
      }),
    ).toBe('GROUP_LOAD_IN_PROGRESS');
  });

  it("recognises the producer retrier's line before it retries a send", () => {
    expect(
      retriableResponseType({ message: `Failed to send messages: ${concurrent}`, retryCount: 0 }),
    ).toBe('CONCURRENT_TRANSACTIONS');
    expect(
      retriableResponseType({
        message:
          'Failed to send messages: Not authorized to access topics: [Topic authorization failed]',
        retryCount: 0,
      }),
    ).toBeNull();
    expect(retriableResponseType({ message: `Failed to send messages: ${concurrent}` })).toBeNull();
  });

  it('logs CONCURRENT_TRANSACTIONS at debug and counts it, instead of an error line', () => {
    const { lines, logger } = collectingLogger();
    const counted: string[] = [];
    const log = pinoLogCreator(logger, (type) => counted.push(type))();
    log(entry(logLevel.ERROR, 'Response AddOffsetsToTxn(key: 25, version: 1)', concurrent));
    expect(counted).toEqual(['CONCURRENT_TRANSACTIONS']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, retriable: 'CONCURRENT_TRANSACTIONS' });
  });

  it('keeps real failures at error level', () => {
    const { lines, logger } = collectingLogger();
    const counted: string[] = [];
    const log = pinoLogCreator(logger, (type) => counted.push(type))();
    log(entry(logLevel.ERROR, 'Crash: KafkaJSNonRetriableError', 'Invalid transaction state'));
    expect(counted).toEqual([]);
    expect(lines[0]).toMatchObject({ level: 50 });
  });
});
