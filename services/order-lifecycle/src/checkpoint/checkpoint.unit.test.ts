import { LifecycleError } from '../lifecycle-error';
import { decodeCheckpoint, encodeCheckpointMetadata } from './checkpoint';

const committed = (nextOffset: string, metadata: string | null) =>
  ({ nextOffset, metadata, committed: true }) as const;

describe('partition checkpoint', () => {
  it('given a committed watermark, when read back, then offset and watermark are restored', () => {
    const metadata = encodeCheckpointMetadata({ watermark: 1769860800000 });
    expect(decodeCheckpoint(committed('42', metadata))).toEqual({
      nextOffset: '42',
      watermark: 1769860800000,
    });
  });

  it('given nothing committed yet, when read, then processing starts at the start offset without watermark', () => {
    expect(decodeCheckpoint({ nextOffset: '0', metadata: null, committed: false })).toEqual({
      nextOffset: '0',
      watermark: null,
    });
  });

  it('given an offset committed by someone else without metadata, when read, then it is refused', () => {
    let caught: unknown;
    try {
      decodeCheckpoint(committed('7', ''));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LifecycleError);
    expect(caught).toMatchObject({ code: 'invalid_checkpoint' });
  });

  it('given metadata of another shape, when read, then it is refused', () => {
    expect(() => decodeCheckpoint(committed('7', '{"v":2,"wm":1}'))).toThrow(/unreadable metadata/);
    expect(() => decodeCheckpoint(committed('7', '{"v":1,"wm":1.5}'))).toThrow(
      /unreadable metadata/,
    );
  });

  it('given a year-9999 watermark committed by an older version, when read back, then it is clamped to the latest plausible provider time', () => {
    const metadata = encodeCheckpointMetadata({ watermark: Date.parse('9999-12-31T00:00:00Z') });
    expect(decodeCheckpoint(committed('42', metadata)).watermark).toBe(
      Date.parse('2100-01-01T00:00:00Z'),
    );
  });
});
