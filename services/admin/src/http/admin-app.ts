import type { Logger } from '@clawback/logging';
import type { Registry } from '@clawback/observability';
import type { TokenEntry } from '../auth/tokens';
import type { CommandWriter } from '../commands/command-writer';
import type { ConsoleOptions } from '../console/console-context';
import type { AdminProjection } from '../projection/admin-projection';

/** Everything the admin app is built from; I/O arrives as dependencies. */
export interface AdminDependencies {
  readonly tokens: readonly TokenEntry[];
  readonly projection: AdminProjection;
  /** True once the projection caught up with the end offsets read at start. */
  readonly caughtUp: () => boolean;
  readonly writer: CommandWriter;
  /** The registry `/metrics` serves; the case metrics are registered on it. */
  readonly metrics: Registry;
  readonly logger: Logger;
  /** Wall clock, epoch milliseconds. */
  readonly now: () => number;
  /** Operator command ids (`op-…`); random UUIDs by default. */
  readonly newCommandId?: () => string;
  /** What the operator console reads besides the projection (none configured by default). */
  readonly console?: ConsoleOptions;
}
