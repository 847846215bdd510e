import type { AvroRegistry } from '@clawback/schema-registry';
import type { ReadRecord, TestContext } from '@clawback/test-harness';
import { registryCodecs } from '../records/registry-codecs';
import { actualOutputs, type ActualOutputs } from './actual-outputs';
import { expectedOutputs, type ExpectedOutputs } from './expected-outputs';
import { outputTopics } from './lifecycle-test-context';
import { TEST_HORIZON_MS } from './test-settings';

/** What the consumer committed next to what a pure run over the same raw log yields. */
export interface OutputsAndPureRun {
  readonly raw: readonly ReadRecord[];
  readonly expected: ExpectedOutputs;
  readonly actual: ActualOutputs;
}

/**
 * Reads the context's raw topic and the consumer's committed outputs back, and computes what
 * a pure in-memory run over that raw log (test horizon) must have produced.
 */
export async function outputsAndPureRun(
  context: Pick<TestContext, 'topics' | 'readAll'>,
  registry: AvroRegistry,
  readTimeoutMs = 60_000,
): Promise<OutputsAndPureRun> {
  const topics = outputTopics(context.topics);
  const raw = await context.readAll(context.topics.notificationsRaw, { timeoutMs: readTimeoutMs });
  const expected = await expectedOutputs(raw, registryCodecs(registry, topics), TEST_HORIZON_MS);
  const actual = await actualOutputs(context, registry, topics, readTimeoutMs);
  return { raw, expected, actual };
}
