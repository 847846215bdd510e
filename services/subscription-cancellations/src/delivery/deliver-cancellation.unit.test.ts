import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import { CancellationError } from '../cancellation-error';
import { memoryCompleted } from '../testing/memory-completed';
import { cancellationRequest } from '../testing/requests';
import { deliverCancellation, type DeliveryDeps } from './deliver-cancellation';

function adapterAnswering(...answers: (Error | { alreadyCancelled: boolean })[]) {
  const calls: string[] = [];
  const adapter: CancellationAdapter = {
    cancel: (request) => {
      const answer = answers[Math.min(calls.length, answers.length - 1)]!;
      calls.push(request.idempotencyKey);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { adapter, calls };
}

function deps(adapter: CancellationAdapter, completed = memoryCompleted()): DeliveryDeps {
  return {
    adapter,
    completed,
    retry: {
      maxAttempts: 3,
      initialDelayMs: 1,
      maxDelayMs: 1,
      maxTotalMs: 1000,
      requestTimeoutMs: 1,
    },
    signal: new AbortController().signal,
    now: () => 0,
    sleep: () => Promise.resolve(),
  };
}

const unavailable = () => new CancellationError('receiver_unavailable', 'HTTP 503');

describe('deliverCancellation', () => {
  it('given a receiver failing twice, when delivered, then it is called three times and recorded once', async () => {
    const { adapter, calls } = adapterAnswering(unavailable(), unavailable(), {
      alreadyCancelled: false,
    });
    const completed = memoryCompleted();
    const request = cancellationRequest();
    const outcome = await deliverCancellation(request, deps(adapter, completed));
    expect(outcome).toEqual({
      kind: 'cancelled',
      attempts: 3,
      alreadyCancelled: false,
      fromRecord: false,
    });
    expect(calls).toEqual([request.idempotencyKey, request.idempotencyKey, request.idempotencyKey]);
    expect([...completed.records.values()]).toEqual([
      { causationId: request.causationId, attempts: 3, alreadyCancelled: false },
    ]);
  });

  it('given the same request done before (a redone batch), then there is no call and the outcome repeats', async () => {
    const completed = memoryCompleted();
    const request = cancellationRequest();
    await completed.record(request, {
      causationId: request.causationId,
      attempts: 2,
      alreadyCancelled: true,
    });
    const { adapter, calls } = adapterAnswering({ alreadyCancelled: false });
    expect(await deliverCancellation(request, deps(adapter, completed))).toEqual({
      kind: 'cancelled',
      attempts: 2,
      alreadyCancelled: true,
      fromRecord: true,
    });
    expect(calls).toEqual([]);
  });

  it('given the subscription cancelled for another event, then there is no call and nothing to emit', async () => {
    const completed = memoryCompleted();
    await completed.record(cancellationRequest(), {
      causationId: 'earlier#0',
      attempts: 1,
      alreadyCancelled: false,
    });
    const { adapter, calls } = adapterAnswering({ alreadyCancelled: false });
    expect(
      await deliverCancellation(
        cancellationRequest({ causationId: 'later#0' }),
        deps(adapter, completed),
      ),
    ).toEqual({ kind: 'superseded', byCausationId: 'earlier#0' });
    expect(calls).toEqual([]);
  });

  it('given a refusal, then it fails at once with the error and records nothing', async () => {
    const { adapter, calls } = adapterAnswering(
      new CancellationError('receiver_rejected', 'HTTP 410', { status: 410 }),
    );
    const completed = memoryCompleted();
    expect(await deliverCancellation(cancellationRequest(), deps(adapter, completed))).toEqual({
      kind: 'failed',
      attempts: 1,
      failure: { code: 'receiver_rejected', message: 'HTTP 410', retriable: false },
    });
    expect(calls).toHaveLength(1);
    expect(completed.records.size).toBe(0);
  });

  it('given a receiver that always fails, then the retries run out and it fails retriable', async () => {
    const { adapter, calls } = adapterAnswering(unavailable());
    expect(await deliverCancellation(cancellationRequest(), deps(adapter))).toMatchObject({
      kind: 'failed',
      attempts: 3,
      failure: { code: 'receiver_unavailable', retriable: true },
    });
    expect(calls).toHaveLength(3);
  });

  it('given another cause recorded during the call, then the earlier record wins', async () => {
    const completed = memoryCompleted();
    const request = cancellationRequest();
    const adapter: CancellationAdapter = {
      cancel: async () => {
        await completed.record(request, {
          causationId: 'other#0',
          attempts: 1,
          alreadyCancelled: false,
        });
        return { alreadyCancelled: false };
      },
    };
    expect(await deliverCancellation(request, deps(adapter, completed))).toEqual({
      kind: 'superseded',
      byCausationId: 'other#0',
    });
  });
});
