import type { DetachedCommand } from './process/spawn-detached';

/** Prints one progress line of a slow step. */
export type Progress = (line: string) => void;

/** One part of the local infrastructure (Kafka, the schema registry, Redis). */
export interface Component {
  /** Also the name of its pid record and log file: `kafka` (or `kafka-1`…), `registry`, `redis`. */
  readonly name: string;
  /**
   * Components of one group (the nodes of a Kafka cluster) are all started before any is
   * waited for: a KRaft node answers only once a majority of the quorum runs.
   */
  readonly group?: string;
  /** Where clients reach it, as configured. */
  readonly address: string;
  /** Loopback address: the scripts may start it. Otherwise it is someone's, only checked. */
  readonly local: boolean;
  /** Whether it answers its own protocol now. */
  probe(): Promise<boolean>;
  /** Downloads, unpacks, formats: whatever must exist before a start. Idempotent. */
  prepare(progress: Progress): Promise<void>;
  /** The process to start (after {@link prepare}). */
  startCommand(): DetachedCommand;
}
