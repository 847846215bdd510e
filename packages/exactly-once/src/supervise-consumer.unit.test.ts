import { createLogger } from '@clawback/logging';
import { superviseConsumer, type SupervisedConsumer } from './supervise-consumer';

const logger = createLogger({ service: 'supervise-test', level: 'silent' });

/** A consumer that records what happened to it; `fail` plays kafkajs giving up. */
interface FakeConsumer extends SupervisedConsumer {
  readonly id: number;
  started: boolean;
  stopped: boolean;
  fail(error: Error): void;
  join(): void;
}

function fakeFactory() {
  const made: FakeConsumer[] = [];
  const create = (onFatal: (error: Error) => void): SupervisedConsumer => {
    let join: () => void = () => undefined;
    const consumer: FakeConsumer = {
      id: made.length,
      started: false,
      stopped: false,
      joined: new Promise<void>((resolve) => (join = resolve)),
      join: () => join(),
      fail: onFatal,
      start: () => {
        consumer.started = true;
        return Promise.resolve();
      },
      stop: () => {
        consumer.stopped = true;
        return Promise.resolve();
      },
    };
    made.push(consumer);
    return consumer;
  };
  return { made, create };
}

/** Lets the restart chain (a few awaits) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('superviseConsumer', () => {
  it('given a fatal crash, then the consumer is stopped and a fresh one started', async () => {
    const { made, create } = fakeFactory();
    const restarts: Error[] = [];
    const supervisor = superviseConsumer({ create, logger, onRestart: (e) => restarts.push(e) });
    await supervisor.start();
    made[0]!.fail(new Error('rebalance crash'));
    await settle();
    expect(made.map((c) => [c.started, c.stopped])).toEqual([
      [true, true],
      [true, false],
    ]);
    expect(restarts.map((e) => e.message)).toEqual(['rebalance crash']);
    await supervisor.stop();
    expect(made[1]!.stopped).toBe(true);
  });

  it('folds crashes reported during a restart into that restart', async () => {
    const { made, create } = fakeFactory();
    const supervisor = superviseConsumer({ create, logger });
    await supervisor.start();
    made[0]!.fail(new Error('one'));
    made[0]!.fail(new Error('two'));
    await settle();
    expect(made).toHaveLength(2);
    await supervisor.stop();
  });

  it('given a stop, then a later crash starts nothing new', async () => {
    const { made, create } = fakeFactory();
    const supervisor = superviseConsumer({ create, logger });
    await supervisor.start();
    await supervisor.stop();
    made[0]!.fail(new Error('late'));
    await settle();
    expect(made).toHaveLength(1);
  });

  it('joined resolves when the first consumer joins, even if a replacement joins later', async () => {
    const { made, create } = fakeFactory();
    const supervisor = superviseConsumer({ create, logger });
    await supervisor.start();
    let joined = false;
    void supervisor.joined.then(() => (joined = true));
    await settle();
    expect(joined).toBe(false);
    made[0]!.join();
    await settle();
    expect(joined).toBe(true);
    await supervisor.stop();
  });

  it('restarts on demand like after a crash', async () => {
    const { made, create } = fakeFactory();
    const supervisor = superviseConsumer({ create, logger });
    await supervisor.start();
    await supervisor.restart(new Error('state lost'));
    expect(made.map((c) => [c.started, c.stopped])).toEqual([
      [true, true],
      [true, false],
    ]);
    await supervisor.stop();
  });
});
