import { EventEmitter } from 'node:events';
import { createShutdown } from './shutdown';

function setup(timeoutMs = 5000) {
  const source = new EventEmitter();
  const exits: number[] = [];
  const shutdown = createShutdown({
    source: { once: (signal, listener) => source.once(signal, listener) },
    exit: (code) => void exits.push(code),
    timeoutMs,
  });
  return { source, exits, shutdown };
}

describe('createShutdown', () => {
  it('runs closers once, newest first, on SIGTERM and exits with 0', async () => {
    const { source, exits, shutdown } = setup();
    const order: string[] = [];
    shutdown.onShutdown('producer', () => void order.push('producer'));
    shutdown.onShutdown('consumer', async () => {
      await Promise.resolve();
      order.push('consumer');
    });
    source.emit('SIGTERM');
    source.emit('SIGINT');
    await shutdown.shutdown('again');
    expect(order).toEqual(['consumer', 'producer']);
    expect(exits).toEqual([0]);
  });

  it('keeps closing after a failure and exits with 1', async () => {
    const { exits, shutdown } = setup();
    const closed: string[] = [];
    shutdown.onShutdown('a', () => void closed.push('a'));
    shutdown.onShutdown('b', () => {
      throw new Error('b failed');
    });
    await shutdown.shutdown('test');
    expect(closed).toEqual(['a']);
    expect(exits).toEqual([1]);
  });

  it('gives up on a closer that never finishes and exits with 1', async () => {
    const { exits, shutdown } = setup(20);
    shutdown.onShutdown('stuck', () => new Promise<void>(() => undefined));
    await shutdown.shutdown('test');
    expect(exits).toEqual([1]);
  });
});
