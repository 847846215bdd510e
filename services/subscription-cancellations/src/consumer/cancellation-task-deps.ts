import type { Admin, KafkaClient, PartitionProducers } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import type { ProcessDeps } from '../batch/process-records';
import type { CancellationMetrics } from '../metrics/cancellation-metrics';
import type { CancellationServiceSettings } from '../settings/service-settings';

/** Everything the partition tasks of the consumer share. */
export interface CancellationTaskDeps {
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  /** One transactional producer per input partition (fencing). */
  readonly producers: PartitionProducers;
  readonly settings: CancellationServiceSettings;
  /** Processing dependencies; the task adds a heartbeating sleep. */
  readonly process: Omit<ProcessDeps, 'sleep'>;
  readonly logger: Logger;
  readonly metrics: CancellationMetrics;
}
