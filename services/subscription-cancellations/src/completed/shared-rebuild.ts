import type { RebuildResult } from './rebuild-completed';

/**
 * One rebuild at a time per process: callers that find the record incomplete while a rebuild
 * runs wait for that one instead of starting their own. `onRebuilt` is told about each rebuild
 * that actually read the topic.
 */
export function sharedRebuild(
  run: () => Promise<RebuildResult>,
  onRebuilt: (result: RebuildResult) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () =>
    (running ??= run()
      .then((result) => {
        if (result.rebuilt) onRebuilt(result);
      })
      .finally(() => (running = undefined)));
}
