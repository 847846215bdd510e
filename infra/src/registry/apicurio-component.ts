import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Component, Progress } from '../component';
import { isLoopbackHost, urlHost, urlPort } from '../config/addresses';
import type { InfraSettings } from '../config/settings';
import { apicurioMinimumJava } from '../config/versions';
import { InfraError } from '../infra-error';
import { findJava, javaBinary } from '../java/java-discovery';
import type { JavaInstall } from '../java/java-selection';
import { runMaven } from '../maven/run-maven';
import { runToExit } from '../process/run-to-exit';
import { httpStatus } from '../probe/http-probe';
import { apicurioJvmOptions } from './apicurio-options';
import { ensureRegistryCredentials, writeRegistryAuthConfig } from './registry-auth';

const COMPLETE = '.complete';

/** Apicurio Registry serving the Confluent API, with its storage in Kafka. */
export function apicurioComponent(settings: InfraSettings, env: NodeJS.ProcessEnv): Component {
  const { versions, paths, addresses } = settings;
  const url = addresses.schemaRegistryUrl;
  const host = urlHost(url);
  const local = isLoopbackHost(host);
  const subjectsUrl = `${url.href.replace(/\/$/, '')}/subjects`;
  const logsDir = paths.logsDir;
  // `--secure` puts a local registry behind basic auth too (a remote one is the operator's).
  const secured = settings.kafkaSecure && local;
  const authConfigFile = path.join(paths.secureDir, 'registry-auth.properties');
  const authHeader = (): Record<string, string> => {
    if (!secured) return {};
    const { username, password } = ensureRegistryCredentials(paths.secureDir);
    return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  };
  const java = (): JavaInstall =>
    findJava(env, apicurioMinimumJava(versions.apicurio), `Apicurio Registry ${versions.apicurio}`);

  async function fetchAndUnpack(progress: Progress): Promise<void> {
    if (existsSync(path.join(paths.apicurioHome, COMPLETE))) return;
    const coordinates = `io.apicurio:apicurio-registry-app:${versions.apicurio}:tar.gz:all`;
    const downloads = path.join(paths.cacheDir, 'downloads');
    progress(`registry: downloading ${coordinates} with Maven (about 160 MB)`);
    await runMaven(
      path.join(paths.infraDir, 'pom.xml'),
      ['-q', 'dependency:copy', `-Dartifact=${coordinates}`, `-DoutputDirectory=${downloads}`],
      path.join(logsDir, 'mvn-apicurio.log'),
    );
    progress(`registry: unpacking into ${paths.apicurioHome}`);
    const tarball = path.join(downloads, `apicurio-registry-app-${versions.apicurio}-all.tar.gz`);
    const staging = `${paths.apicurioHome}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const logFile = path.join(logsDir, 'apicurio-unpack.log');
    const exitCode = await runToExit('tar', ['-xzf', tarball, '-C', staging], logFile);
    if (exitCode !== 0 || !existsSync(path.join(staging, 'quarkus-run.jar'))) {
      throw new InfraError('download_failed', `registry: cannot unpack ${tarball}`, { logFile });
    }
    rmSync(paths.apicurioHome, { recursive: true, force: true });
    renameSync(staging, paths.apicurioHome);
    writeFileSync(path.join(paths.apicurioHome, COMPLETE), `${new Date().toISOString()}\n`);
    // Maven's local repository keeps a copy; this one would only double the disk used.
    rmSync(tarball, { force: true });
  }

  return {
    name: 'registry',
    address: url.href,
    local,
    async probe() {
      const status = await httpStatus(subjectsUrl, 3000, authHeader());
      // A remote registry may want credentials: any answer short of a server error is "up".
      if (!local) return status !== undefined && status < 500;
      // Without --secure, a 401 is a registry left running by `infra:up -- --secure`: it is up
      // (clients then need its credentials; `infra:down` first to switch modes).
      return status === 200 || (!secured && status === 401);
    },
    async prepare(progress) {
      const install = java();
      progress(
        `registry: Apicurio ${versions.apicurio} runs on Java ${install.major} (${install.home})`,
      );
      await fetchAndUnpack(progress);
      if (secured) {
        const credentials = ensureRegistryCredentials(paths.secureDir);
        writeRegistryAuthConfig(authConfigFile, credentials);
        progress(
          `registry: basic auth (user ${credentials.username}); SCHEMA_REGISTRY_* in ${path.join(paths.secureDir, 'client.env')}`,
        );
      }
    },
    startCommand() {
      const install = java();
      const kafkaBootstrap = addresses.kafkaBrokers.map((b) => `${b.host}:${b.port}`).join(',');
      const options = apicurioJvmOptions({
        host,
        port: urlPort(url),
        managementPort: settings.registryManagementPort,
        kafkaBootstrap,
        heap: settings.apicurioHeap,
        ...(secured && { configFile: authConfigFile }),
      });
      return {
        component: 'registry',
        command: javaBinary(install),
        args: [...options, '-Dclawback.infra=registry', '-jar', 'quarkus-run.jar'],
        marker: '-Dclawback.infra=registry',
        address: url.href,
        logFile: path.join(logsDir, 'registry.log'),
        cwd: paths.apicurioHome,
        env: { ...env, JAVA_HOME: install.home },
      };
    },
  };
}
