import type { Admin, KafkaClient, PartitionProducers } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import type { CommissionCodecs } from '../avro/commission-codecs';
import type { CommissionMetrics } from '../metrics/commission-metrics';
import type { CommissionSettings } from '../settings/commission-settings';
import type { CommissionTerms } from '../terms/commission-terms';

/** Everything the decider's partition tasks share. */
export interface DeciderDeps {
  readonly kafka: KafkaClient;
  /** Connected; used for committed offsets and changelog ends. */
  readonly admin: Admin;
  /** One transactional producer per input partition (fencing). */
  readonly producers: PartitionProducers;
  readonly codecs: CommissionCodecs;
  readonly settings: CommissionSettings;
  /** The merchant's commission terms, if it has any. */
  readonly termsFor: (merchantId: string) => CommissionTerms | undefined;
  readonly logger: Logger;
  readonly metrics: CommissionMetrics;
}
