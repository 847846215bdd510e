import { isLifecycleError } from '../lifecycle-error';
import { decodeCheckpoint, encodeCheckpointMetadata } from './checkpoint';

describe('partition checkpoint', () => {
  it('given a committed watermark, when read back, then offset and watermark are restored', () => {
    const metadata = encodeCheckpointMetadata({ watermark: 1769860800000 });
    expect(decodeCheckpoint('42', metadata, '0')).toEqual({
      nextOffset: '42',
      watermark: 1769860800000,
    });
  });

  it('given nothing committed yet, when read, then processing starts at the start offset without watermark', () => {
    expect(decodeCheckpoint('-1', null, '0')).toEqual({ nextOffset: '0', watermark: null });
  });

  it('given an offset committed by someone else without metadata, when read, then it is refused', () => {
    let caught: unknown;
    try {
      decodeCheckpoint('7', '', '0');
    } catch (error) {
      caught = error;
    }
    expect(isLifecycleError(caught, 'invalid_checkpoint')).toBe(true);
  });

  it('given metadata of another shape, when read, then it is refused', () => {
    expect(() => decodeCheckpoint('7', '{"v":2,"wm":1}', '0')).toThrow(/unreadable metadata/);
    expect(() => decodeCheckpoint('7', '{"v":1,"wm":1.5}', '0')).toThrow(/unreadable metadata/);
  });
});
