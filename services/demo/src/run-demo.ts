import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ClawbackConfig, loadConfig } from '@clawback/config';
import { createKafkaClient, topicNames } from '@clawback/kafka';
import { AvroRegistry } from '@clawback/schema-registry';
import { cleanRun } from './infra/clean-run';
import { provisionRun } from './infra/provision-run';
import { startInfrastructure } from './infra/start-infrastructure';
import { DEMO_SECRETS, demoMerchantsFile } from './merchants/demo-merchants';
import { waitForOutcomes } from './observe/wait-for-outcomes';
import { demoProcesses } from './processes/demo-processes';
import { type StartedProcesses, startProcesses } from './processes/start-processes';
import type { Progress } from './progress';
import { demoReport } from './report/print-report';
import { REPO_ROOT, createDemoRun, type DemoRun } from './run/demo-run';
import { runEnv, runGroups } from './run/run-names';
import { type RunRecord, saveRunRecord } from './run/run-record';
import { demoStory, storyOrders } from './story/demo-story';
import { orphanStory } from './story/orphan-story';
import { playStory } from './story/play-story';
import { resolveException } from './story/resolve-exception';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Leave the services and the receiver running at the end. */
  readonly keepRunning: boolean;
  readonly progress: Progress;
  /** Where the report goes; stdout by default. */
  readonly print?: (text: string) => void;
}

const localUrl = (port: number) => `http://127.0.0.1:${port}`;

/**
 * `npm run demo`: infrastructure up, a fresh run (topics, groups, keys), the four services and
 * the webhook receiver as child processes, the story through the HTTP ingress, the tables.
 * Then stops everything and deletes the run's topics and keys, unless `keepRunning`.
 * A Ctrl-C stops what was started before exiting.
 *
 * @throws DemoError for anything that went wrong, naming the log to read.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const { progress } = options;
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  progress('bringing up Kafka, the schema registry and Redis (npm run infra:up)');
  await startInfrastructure();

  const run = await createDemoRun();
  const merchantsFile = join(run.dir, 'merchants.json');
  writeFileSync(
    merchantsFile,
    `${JSON.stringify(demoMerchantsFile(localUrl(run.ports.receiver)), null, 2)}\n`,
  );
  const env = { ...runEnv(run.id, merchantsFile), ...DEMO_SECRETS };
  const config = loadConfig(['kafka', 'schemaRegistry', 'redis'], { ...process.env, ...env });
  progress(`run ${run.id}: topics, consumer groups and Redis keys are named after it`);
  const provisioned = await provisionRun(config.kafka, config.schemaRegistry);
  progress(`provisioned ${provisioned.topics} topics and ${provisioned.schemas} schemas`);

  const kafka = createKafkaClient(config.kafka, { clientId: `${run.id}-demo` });
  const admin = kafka.admin();
  await admin.connect();
  let processes: StartedProcesses | undefined;
  let record: RunRecord | undefined;
  const interrupted = () => {
    progress('interrupted: stopping what the demo started');
    void finish(processes, run, config, progress, record).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  let keep = false;
  try {
    processes = await startProcesses(demoProcesses(run, env), run.dir, admin, progress);
    const started = processes;
    record = {
      id: run.id,
      startedAt: new Date().toISOString(),
      ingressUrl: localUrl(run.ports.ingress),
      readApiUrl: localUrl(run.ports.commissionsHttp),
      processes: started.all.map(({ name, pid, main, logFile }) => ({ name, pid, main, logFile })),
      state: 'running',
    };
    saveRunRecord(record);

    // The exception's refund must share a partition (and so a watermark) with the later sale.
    const partitions = (await admin.fetchTopicOffsets(topicNames(run.id).notificationsRaw)).length;
    const orphan = orphanStory(partitions);
    const steps = [...demoStory(), ...orphan.steps];
    progress(
      `playing the story: ${steps.length} notifications from 3 merchants through ${localUrl(run.ports.ingress)}`,
    );
    await playStory(localUrl(run.ports.ingress), steps, progress);
    const session = await resolveException(localUrl(run.ports.admin), orphan.exception, progress);
    const outcomes = await waitForOutcomes(
      {
        kafka,
        admin,
        registry: new AvroRegistry(config.schemaRegistry),
        topics: topicNames(run.id),
        groups: runGroups(run.id),
        readApiUrl: localUrl(run.ports.commissionsHttp),
        receiverUrl: localUrl(run.ports.receiver),
        checkAlive: started.checkAlive,
        logOf: (name) => started.all.find((child) => child.name === name)?.logFile,
      },
      // The operator's command is stored on the raw topic like a notification.
      steps.length + 1,
      progress,
    );
    print(demoReport(storyOrders(steps), outcomes, session.text));
    keep = options.keepRunning;
  } finally {
    process.removeListener('SIGINT', interrupted);
    await admin.disconnect();
    if (keep && processes) {
      for (const child of processes.all) child.detach();
      print(keptRunningNote(run));
    } else {
      await finish(processes, run, config, progress, record);
    }
  }
}

/** Stops the processes and deletes the run's topics, groups and keys. */
async function finish(
  processes: StartedProcesses | undefined,
  run: DemoRun,
  config: Pick<ClawbackConfig, 'kafka' | 'redis'>,
  progress: Progress,
  record: RunRecord | undefined,
): Promise<void> {
  if (processes) {
    progress('stopping the services (SIGTERM)');
    await processes.stopAll();
  }
  const problems = await cleanRun(run.id, config);
  for (const problem of problems) progress(`could not clean up everything: ${problem}`);
  if (record) saveRunRecord({ ...record, state: 'stopped' });
  progress(
    `stopped; deleted the run's topics, consumer groups and Redis keys (logs stay in ${relative(REPO_ROOT, run.dir)})`,
  );
  progress('the infrastructure stays up for the next run; `npm run infra:down` stops it');
}

function keptRunningNote(run: DemoRun): string {
  return [
    `The services keep running (run ${run.id}):`,
    `  ingress    ${localUrl(run.ports.ingress)}/v1/notifications/{provider}/{merchantId}`,
    `  read API   ${localUrl(run.ports.commissionsHttp)}/v1/affiliates/{merchantId}/{affiliateId}`,
    `  receiver   ${localUrl(run.ports.receiver)}/cancellations`,
    `  console    ${localUrl(run.ports.admin)}/console  (log in with the operator token below; npm run clawback -- cases with CLAWBACK_TOKEN set to it)`,
    `  token      ${run.adminToken}`,
    `  logs       ${relative(REPO_ROOT, run.dir)}/*.log`,
    "Stop them and delete the run's topics and keys with:  npm run demo -- --stop",
  ].join('\n');
}
