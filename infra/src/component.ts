import type { DetachedCommand } from './process/spawn-detached';

/** Prints one progress line of a slow step. */
export type Progress = (line: string) => void;

/** One part of the local infrastructure (Kafka, the schema registry, Redis). */
export interface Component {
  /** Also the name of its pid record and log file. */
  readonly name: 'kafka' | 'registry' | 'redis';
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
