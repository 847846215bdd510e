import type { TopicProvisioned } from '@clawback/kafka';

/** A step of provisioning, reported as it happens. */
export type ProvisioningProgress =
  | TopicProvisioned
  | {
      readonly type: 'SchemaRegistered';
      readonly topic: string;
      readonly subject: string;
      readonly id: number;
    }
  | { readonly type: 'SchemaMissing'; readonly topic: string };

/** One human-readable line per step, for the CLI. */
export function describeProgress(event: ProvisioningProgress): string {
  switch (event.type) {
    case 'TopicCreated':
      return `topic  ${event.topic}: created with ${event.partitions} partitions`;
    case 'TopicUpToDate':
      return `topic  ${event.topic}: up to date`;
    case 'TopicConfigUpdated':
      return `topic  ${event.topic}: updated ${event.changed.join(', ')}`;
    case 'SchemaRegistered':
      return `schema ${event.subject}: registered, id ${event.id}`;
    case 'SchemaMissing':
      return `schema ${event.topic}: no schemas/<topic>.avsc yet, skipped`;
  }
}
