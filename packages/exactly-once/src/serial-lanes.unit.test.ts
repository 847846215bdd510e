import { SerialLanes } from './serial-lanes';

/** A promise with its resolver, to decide from the test when work finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('SerialLanes', () => {
  it('runs the work of one lane one at a time, in the order queued', async () => {
    const lanes = new SerialLanes();
    const log: string[] = [];
    const first = gate();
    const a = lanes.run(0, async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
    });
    const b = lanes.run(0, () => {
      log.push('b');
      return Promise.resolve();
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('does not make one lane wait for another', async () => {
    const lanes = new SerialLanes();
    const blocked = gate();
    const slow = lanes.run(0, () => blocked.promise);
    await expect(lanes.run(1, () => Promise.resolve('other lane'))).resolves.toBe('other lane');
    blocked.open();
    await slow;
  });

  it('returns each work item its own error and keeps the lane going after it', async () => {
    const lanes = new SerialLanes();
    const failing = lanes.run(3, () => Promise.reject(new Error('boom')));
    const next = lanes.run(3, () => Promise.resolve(42));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('idle resolves only after everything queued so far', async () => {
    const lanes = new SerialLanes();
    const blocked = gate();
    let done = false;
    void lanes.run(0, async () => {
      await blocked.promise;
      done = true;
    });
    const idle = lanes.idle();
    blocked.open();
    await idle;
    expect(done).toBe(true);
  });
});
