import type { EdgeDedupe } from '../dedupe/edge-dedupe';
import type {
  NotificationPublisher,
  RawNotificationRecord,
} from '../publish/notification-publisher';

/**
 * An in-memory publisher for unit tests. `ack`: acknowledges at once; `stall`: never answers
 * (a broker that is away); `hold`: keeps acknowledgements until {@link release}.
 */
export class MemoryPublisher implements NotificationPublisher {
  readonly records: RawNotificationRecord[] = [];
  mode: 'ack' | 'stall' | 'hold' = 'ack';
  private readonly held: (() => void)[] = [];

  publish(record: RawNotificationRecord): Promise<void> {
    if (this.mode === 'stall') return new Promise<void>(() => {});
    this.records.push(record);
    if (this.mode === 'ack') return Promise.resolve();
    return new Promise<void>((resolve) => this.held.push(resolve));
  }

  /** Acknowledges every held record. */
  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }

  isReady(): Promise<boolean> {
    return Promise.resolve(this.mode !== 'stall');
  }
}

/** An in-memory edge dedupe for unit tests; `failing` makes every call reject. */
export class MemoryDedupe implements EdgeDedupe {
  readonly ids = new Map<string, string>();
  failing = false;

  seen(notificationId: string): Promise<boolean> {
    if (this.failing) return Promise.reject(new Error('redis down'));
    return Promise.resolve(this.ids.has(notificationId));
  }

  remember(notificationId: string, ingressId: string): Promise<void> {
    if (this.failing) return Promise.reject(new Error('redis down'));
    this.ids.set(notificationId, ingressId);
    return Promise.resolve();
  }
}
