import { resolve } from 'node:path';
import type { Pipeline } from './pipeline';
import { type ChildResult, runTypeScript } from './run-child';

const MAIN = resolve(__dirname, '../../services/order-lifecycle/src/replay/main.ts');

/**
 * Runs `npm run lifecycle:replay -- --from-beginning --target-prefix <suite>-replay` over the
 * suite's raw topic with the services' environment, then deletes the replay's topics (its
 * Redis keys live under the suite's prefix, which the pipeline deletes).
 */
export async function replayLifecycle(pipeline: Pipeline): Promise<ChildResult> {
  const { context, env } = pipeline;
  const target = `${context.id}-replay`;
  try {
    return await runTypeScript(
      MAIN,
      ['--from-beginning', '--target-prefix', target],
      { ...env, LOG_LEVEL: 'warn' },
      300_000,
    );
  } finally {
    const topics = (await context.admin.listTopics()).filter((t) => t.startsWith(`${target}.`));
    if (topics.length > 0) await context.admin.deleteTopics({ topics });
  }
}
