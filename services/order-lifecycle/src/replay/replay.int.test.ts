import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { deleteTopics, topicNames } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { createRedisClient, deleteKeysByPrefix, quitRedis } from '@clawback/redis';
import { AvroRegistry } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import { consumeAll } from '../testing/consume-all';
import { createLifecycleTestContext, produceLog } from '../testing/lifecycle-test-context';
import { notificationLog } from '../testing/notification-log';
import { testSettings } from '../testing/test-settings';
import { REPLAY_OUTPUTS } from './replay-topics';
import { runReplay } from './run-replay';

jest.setTimeout(300_000);

const logger = createLogger({ service: 'replay-test', level: 'warn' });

describe('lifecycle replay (real Kafka, registry, Redis)', () => {
  let context: TestContext;
  const targets: string[] = [];

  beforeEach(async () => {
    context = await createLifecycleTestContext(3);
    const registry = new AvroRegistry(context.config.schemaRegistry);
    await produceLog(context, registry, notificationLog({ orders: 120, seed: 5 }));
    await consumeAll(context, { logger, timeoutMs: 120_000 });
  });

  afterEach(async () => {
    for (const target of targets.splice(0)) {
      const names = topicNames(target);
      await deleteTopics(
        context.admin,
        REPLAY_OUTPUTS.map((key) => names[key]),
      );
      const redis = await createRedisClient(context.config.redis, {
        keyPrefix: `${context.config.redis.keyPrefix}${target}:`,
      });
      await deleteKeysByPrefix(redis, '');
      await quitRedis(redis);
    }
    await context.dispose();
  });

  it('given a consumed raw log, when replayed from the CLI into fresh topics, then it prints progress and the events equal the originals (exit 0)', async () => {
    const target = `${context.id}-replay`;
    targets.push(target);
    const settings = testSettings(context);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(__dirname, 'main.ts'),
        '--from-beginning',
        '--target-prefix',
        target,
      ],
      {
        env: {
          ...process.env,
          KAFKA_TOPIC_PREFIX: context.id,
          LIFECYCLE_GROUP_ID: settings.groupId,
          LIFECYCLE_ORPHAN_HORIZON_MS: String(settings.orphanHorizonMs),
          LIFECYCLE_MAX_BATCH_BYTES: String(settings.maxBatchBytes),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringContaining('result: replayed events equal the originals'),
    });
    expect(output).toMatch(/replay (\d+)\/\1 \(100\.0%\)/);
    expect(output).not.toMatch(/DIFFERENT/);
  });

  it('given a replay with another orphan horizon, when compared, then the differences are reported', async () => {
    const target = `${context.id}-replay-h`;
    targets.push(target);
    const lines: string[] = [];
    const result = await runReplay({
      config: context.config,
      source: testSettings(context, { orphanHorizonMs: 30 * 60_000 }),
      targetPrefix: target,
      compare: true,
      logger,
      write: (line) => lines.push(line),
      progressIntervalMs: 200,
    });
    expect(result.comparison?.equal).toBe(false);
    expect(lines.join('\n')).toContain('result: DIFFERENCES found');
  });
});
