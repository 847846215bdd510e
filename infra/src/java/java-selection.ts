/** A JDK or JRE found on this machine. */
export interface JavaInstall {
  readonly home: string;
  /** Feature release: 17, 21, 25… */
  readonly major: number;
  /** Where it was found, for messages: `JAVA_HOME`, `PATH`, or a scanned folder. */
  readonly source: string;
}

/**
 * The feature release from a JDK's `release` file (`JAVA_VERSION="21.0.4"` → 21; the old
 * `"1.8.0_402"` scheme → 8); undefined when the file says nothing usable.
 */
export function parseJavaMajor(releaseFile: string): number | undefined {
  const version = /^JAVA_VERSION="?([^"\n]+)"?/m.exec(releaseFile)?.[1];
  if (version === undefined) return undefined;
  const [first, second] = version.split(/[.+_-]/).map((p) => Number.parseInt(p, 10));
  const major = first === 1 ? second : first;
  return major !== undefined && Number.isInteger(major) && major > 0 ? major : undefined;
}

/**
 * Picks the Java to run something that needs at least `minMajor`: the first of `preferred`
 * (JAVA_HOME, then the one on PATH) that is new enough, else the newest `scanned` install that
 * is. So the machine's default runs what it can, and a newer JDK is used only where needed.
 */
export function chooseJava(
  preferred: readonly JavaInstall[],
  scanned: readonly JavaInstall[],
  minMajor: number,
): JavaInstall | undefined {
  const first = preferred.find((j) => j.major >= minMajor);
  if (first) return first;
  return [...scanned].sort((a, b) => b.major - a.major).find((j) => j.major >= minMajor);
}
