import { ClawbackError, isClawbackError, isRetriable } from './clawback-error';

class ExampleError extends ClawbackError<'example_failed' | 'example_busy'> {}

describe('ClawbackError', () => {
  it('takes its name from the subclass, so subclasses need not set it', () => {
    expect(new ExampleError('example_failed', 'boom').name).toBe('ExampleError');
    expect(new ClawbackError('any', 'boom').name).toBe('ClawbackError');
  });

  it('keeps the code and the cause, and is not retriable unless it says so', () => {
    const cause = new Error('socket closed');
    const error = new ExampleError('example_busy', 'try later', { retriable: true, cause });
    expect(error).toMatchObject({ code: 'example_busy', retriable: true, cause });
    expect(new ExampleError('example_failed', 'no').retriable).toBe(false);
    expect(error.toJSON()).toEqual({ code: 'example_busy', message: 'try later', retriable: true });
  });

  it('is recognised by code, and only ClawbackErrors count as retriable', () => {
    const busy = new ExampleError('example_busy', 'try later', { retriable: true });
    expect(isClawbackError(busy, 'example_busy')).toBe(true);
    expect(isClawbackError(busy, 'example_failed')).toBe(false);
    expect(isRetriable(busy)).toBe(true);
    expect(isRetriable(Object.assign(new Error('x'), { retriable: true }))).toBe(false);
  });
});
