import type { SafeDedupe } from '../dedupe/guarded-dedupe';
import type { NotificationPublisher, RawNotificationRecord } from './notification-publisher';

/** How one publish ended, for the latency histogram. */
export type PublishResult = 'acked' | 'failed';

/** Options of {@link PublishCoalescer}. */
export interface PublishCoalescerOptions {
  readonly publisher: NotificationPublisher;
  readonly dedupe: SafeDedupe;
  /** Monotonic-enough clock in milliseconds, injected. */
  readonly now: () => number;
  /** Told when each publish settles, with its duration in milliseconds. */
  readonly onSettled: (result: PublishResult, durationMs: number, error?: unknown) => void;
}

/**
 * Publishes each notification id at most once at a time. The idempotent producer retries
 * while the broker is away, so a record the provider was told 503 about may still land
 * later; the provider's retry must then join that publish instead of adding a second copy.
 * When a publish is acknowledged the id is remembered in the edge dedupe, even if the HTTP
 * request that started it has long been answered, so later retries are suppressed too.
 */
export class PublishCoalescer {
  private readonly inFlight = new Map<string, { ack: Promise<void>; done: Promise<void> }>();

  constructor(private readonly options: PublishCoalescerOptions) {}

  /**
   * The acknowledgement of `record` for `notificationId`: of a publish already under way for
   * the id, or of a new one. The returned promise may never settle while Kafka is away; bound
   * it with a timeout.
   */
  publish(notificationId: string, record: RawNotificationRecord): Promise<void> {
    const existing = this.inFlight.get(notificationId);
    if (existing) return existing.ack;
    const started = this.options.now();
    const ack = this.options.publisher.publish(record);
    const done = ack.then(
      async () => {
        this.options.onSettled('acked', this.options.now() - started);
        await this.options.dedupe.remember(notificationId, record.ingressId);
      },
      (error: unknown) => this.options.onSettled('failed', this.options.now() - started, error),
    );
    const entry = { ack, done: done.finally(() => this.inFlight.delete(notificationId)) };
    this.inFlight.set(notificationId, entry);
    return ack;
  }

  /** Publishes under way (acknowledgement or dedupe mark pending). */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves when every publish under way has settled and been remembered. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight.values()].map((entry) => entry.done));
    }
  }
}
