/** Writes a progress line with the seconds since the demo started: `[demo   4.2s] …`. */
export type Progress = (line: string) => void;

/** A {@link Progress} that writes to stdout, timed from `startedAt`. */
export function progressPrinter(startedAt = Date.now()): Progress {
  return (line) => {
    const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5);
    process.stdout.write(`[demo ${elapsed}s] ${line}\n`);
  };
}
