import type { Admin } from '@clawback/kafka';
import { ExactlyOnceError } from './exactly-once-error';

/**
 * Checks that `changelog` has exactly `input`'s partition count and returns it: state for the
 * records of input partition `p` is written to and restored from changelog partition `p`,
 * which only works one to one.
 *
 * @throws ExactlyOnceError `partition_count_mismatch`
 */
export async function assertCoPartitioned(
  admin: Admin,
  input: string,
  changelog: string,
): Promise<number> {
  const metadata = await admin.fetchTopicMetadata({ topics: [input, changelog] });
  const count = (name: string): number =>
    metadata.topics.find((topic) => topic.name === name)?.partitions.length ?? 0;
  const inputs = count(input);
  const changelogs = count(changelog);
  if (inputs === 0 || changelogs !== inputs) {
    throw new ExactlyOnceError(
      'partition_count_mismatch',
      `${changelog} has ${changelogs} partitions but ${input} has ${inputs}; they must be equal`,
    );
  }
  return inputs;
}
