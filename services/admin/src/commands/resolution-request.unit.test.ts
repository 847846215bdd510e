import { parseResolutionRequest } from './resolution-request';

describe('resolution request bodies', () => {
  it('given an attach with a target, when parsed, then the target and trimmed reason are kept', () => {
    expect(
      parseResolutionRequest({
        resolution: 'attach',
        orderKey: ' kartra:m-1:S-1 ',
        reason: ' named ',
      }),
    ).toEqual({ resolution: 'attach', orderKey: 'kartra:m-1:S-1', reason: 'named' });
  });

  it.each([
    [null, /JSON object/],
    [{ resolution: 'undo', reason: 'x' }, /one of apply, attach, dismiss/],
    [{ resolution: 'attach', reason: 'x' }, /attach needs orderKey/],
    [{ resolution: 'apply', reason: '  ' }, /reason is required/],
    [{ resolution: 'apply', reason: 'x'.repeat(501) }, /longer than 500/],
    [{ resolution: 'apply', reason: 'x', orderKey: 5 }, /orderKey must be a string/],
  ])('given %j, when parsed, then it is an invalid request', (body, message) => {
    expect(() => parseResolutionRequest(body)).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringMatching(message) }),
    );
  });
});
