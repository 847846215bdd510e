import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { InfraError } from '../infra-error';
import { type JavaInstall, chooseJava, parseJavaMajor } from './java-selection';

/** Where Debian and the Temurin packages install JDKs. */
const JVM_DIR = '/usr/lib/jvm';

function inspect(home: string, source: string): JavaInstall | undefined {
  if (!existsSync(path.join(home, 'bin', 'java'))) return undefined;
  try {
    const major = parseJavaMajor(readFileSync(path.join(home, 'release'), 'utf8'));
    return major === undefined ? undefined : { home, major, source };
  } catch {
    return undefined;
  }
}

function javaOnPath(env: NodeJS.ProcessEnv): JavaInstall | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'java');
    if (dir !== '' && existsSync(candidate)) {
      // /usr/bin/java is an alternatives symlink; the real binary sits in <home>/bin/java.
      return inspect(path.dirname(path.dirname(realpathSync(candidate))), 'PATH');
    }
  }
  return undefined;
}

function scanJvmDir(): JavaInstall[] {
  try {
    return readdirSync(JVM_DIR)
      .map((name) => inspect(realpathSync(path.join(JVM_DIR, name)), JVM_DIR))
      .filter((j): j is JavaInstall => j !== undefined);
  } catch {
    return [];
  }
}

/** Finds a Java of at least `minMajor` for `purpose`, or explains which ones were seen. */
export function findJava(env: NodeJS.ProcessEnv, minMajor: number, purpose: string): JavaInstall {
  const preferred = [
    env.JAVA_HOME ? inspect(env.JAVA_HOME, 'JAVA_HOME') : undefined,
    javaOnPath(env),
  ].filter((j): j is JavaInstall => j !== undefined);
  const scanned = scanJvmDir();
  const chosen = chooseJava(preferred, scanned, minMajor);
  if (chosen) return chosen;
  const seen = [...preferred, ...scanned].map((j) => `${j.home} (${j.major})`).join(', ');
  throw new InfraError(
    'java_not_found',
    `${purpose} needs Java ${minMajor}+; found ${seen || 'none'}. Install one under ${JVM_DIR} or set JAVA_HOME.`,
  );
}

/** The `java` binary of an install. */
export function javaBinary(install: JavaInstall): string {
  return path.join(install.home, 'bin', 'java');
}
