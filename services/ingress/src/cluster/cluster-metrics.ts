import cluster from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

const REQUEST = 'clawback:ingress-metrics-request';
const REPLY = 'clawback:ingress-metrics-reply';

interface MetricsRequest {
  readonly type: typeof REQUEST;
  readonly id: number;
}

interface MetricsReply {
  readonly type: typeof REPLY;
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

const isRequest = (m: unknown): m is MetricsRequest => (m as MetricsRequest)?.type === REQUEST;
const isReply = (m: unknown): m is MetricsReply => (m as MetricsReply)?.type === REPLY;

/**
 * In a worker: the registry `/metrics` serves. Workers share one port, so a scrape lands on any
 * of them; it therefore answers with every worker's metrics aggregated by the primary
 * (counters and histograms summed, prom-client's aggregators for process metrics), never with
 * the one worker's share, which would make counters jump between scrapes.
 */
export function clusterMetricsRegistry(local: Registry, timeoutMs = 5_000): Registry {
  // The primary's aggregator asks each worker for these registries over IPC.
  AggregatorRegistry.setRegistries([local]);
  new AggregatorRegistry();
  const pending = new Map<number, (reply: MetricsReply) => void>();
  let next = 0;
  process.on('message', (message: unknown) => {
    if (isReply(message)) pending.get(message.id)?.(message);
  });
  return new (class extends Registry {
    override metrics(): Promise<string> {
      const id = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('the primary did not send the cluster metrics in time'));
        }, timeoutMs);
        pending.set(id, (reply) => {
          pending.delete(id);
          clearTimeout(timer);
          if (reply.text === undefined) reject(new Error(reply.error ?? 'no metrics'));
          else resolve(reply.text);
        });
        process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
      });
    }
  })();
}

/** In the primary: answers workers' `/metrics` with the aggregate of all workers. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    const answer = (reply: Omit<MetricsReply, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: REPLY, id: message.id, ...reply });
    };
    aggregator.clusterMetrics().then(
      (text) => answer({ text }),
      (error: unknown) => answer({ error: String(error) }),
    );
  });
}
