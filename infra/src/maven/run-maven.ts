import { InfraError } from '../infra-error';
import { runToExit } from '../process/run-to-exit';

/**
 * Runs `mvn -B -f <pom> <args>` with its output in `logFile`. `MAVEN_OPTS` passes through, so
 * `MAVEN_OPTS=-Dmaven.repo.local=/tmp/m2` tries a cold local repository.
 */
export async function runMaven(
  pom: string,
  args: readonly string[],
  logFile: string,
): Promise<void> {
  const exitCode = await runToExit('mvn', ['-B', '-f', pom, ...args], logFile).catch(
    (cause: unknown) => {
      throw new InfraError('download_failed', 'cannot run mvn (is Maven installed?)', { cause });
    },
  );
  if (exitCode !== 0) {
    throw new InfraError('download_failed', `mvn ${args.join(' ')} failed (exit ${exitCode})`, {
      retriable: true,
      logFile,
    });
  }
}
