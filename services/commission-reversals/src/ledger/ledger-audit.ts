import { escapeGlob, type Redis, toRedisError } from '@clawback/redis';
import { AFFILIATE_FIELD_PREFIX, affiliateKeysOfTag, manifestKey } from './ledger-keys';
import { withLedgerCommands, type LedgerRedis } from './ledger-scripts';

/** Manifest fields looked at per {@link LedgerAudit.step}. */
const FIELDS_PER_STEP = 200;

/**
 * Walks a generation's manifest a chunk at a time and checks each affiliate's keys against it.
 * Bookings and reads check the affiliates they touch; the audit finds a lost key of an
 * affiliate nobody books for or reads, so the ledger does not wait for traffic to rebuild.
 */
export class LedgerAudit {
  private readonly redis: LedgerRedis;
  private generation: string | undefined;
  private cursor = '0';

  constructor(redis: Redis) {
    this.redis = withLedgerCommands(redis);
  }

  /**
   * Checks the next chunk of `generation`'s affiliates (from the start when the generation
   * changed or a pass ended). False when an affiliate's keys disagree with the manifest.
   */
  async step(generation: string): Promise<boolean> {
    if (generation !== this.generation) {
      this.generation = generation;
      this.cursor = '0';
    }
    const manifest = manifestKey(generation);
    try {
      const [next, flat] = await this.redis.hscan(
        manifest,
        this.cursor,
        'MATCH',
        `${escapeGlob(AFFILIATE_FIELD_PREFIX)}*`,
        'COUNT',
        FIELDS_PER_STEP,
      );
      this.cursor = next;
      const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & PipelineCheck;
      for (let i = 0; i < flat.length; i += 2) {
        const keys = affiliateKeysOfTag(generation, flat[i]!.slice(AFFILIATE_FIELD_PREFIX.length));
        pipeline.checkAffiliateLedger(
          manifest,
          keys.entries,
          keys.totals,
          keys.booked,
          keys.manifestField,
        );
      }
      const replies = flat.length === 0 ? [] : ((await pipeline.exec()) ?? []);
      return replies.every(([error, reply]) => {
        if (error) throw error;
        return (reply as [number, number])[0] === 1;
      });
    } catch (error) {
      throw toRedisError(error, 'auditing the ledger');
    }
  }
}

/** The check script as a pipeline command. */
interface PipelineCheck {
  checkAffiliateLedger(...args: string[]): unknown;
}
