import { AssignerProtocol, type PartitionAssigner } from '@clawback/kafka';

const NAME = 'ClawbackFixedPartitions';

/**
 * A partition assigner that gives the (single) member exactly the listed partitions of one
 * topic. kafkajs has no manual `assign()`, so reading one chosen partition takes a private,
 * throwaway consumer group whose assigner hands out just that partition.
 */
export function fixedPartitionsAssigner(
  topic: string,
  partitions: readonly number[],
): PartitionAssigner {
  return () => ({
    name: NAME,
    version: 0,
    assign: ({ members }) =>
      Promise.resolve(
        members.map(({ memberId }, index) => ({
          memberId,
          memberAssignment: AssignerProtocol.MemberAssignment.encode({
            version: 0,
            // Only the first member reads; a private group has one member anyway.
            assignment: { [topic]: index === 0 ? [...partitions] : [] },
            userData: Buffer.alloc(0),
          }),
        })),
      ),
    protocol: ({ topics }) => ({
      name: NAME,
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: 0,
        topics,
        userData: Buffer.alloc(0),
      }),
    }),
  });
}
