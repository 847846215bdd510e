// The load of the cluster suites: signed sales at a steady rate through the ingresses a load
// balancer would choose, and the full refunds of some of them.
import { postNotification, waitFor } from '@clawback/test-harness';
import type { ClusterPipeline, Instance } from './cluster-pipeline';

/** What the load client got for one notification. */
export interface Answer {
  readonly refno: string;
  /** A sale, or the full refund the load sent after the sale's 200. */
  readonly kind: 'sale' | 'refund';
  readonly status: number | 'error';
  readonly at: number;
}

/**
 * A paced load of signed sales, one every `1000 / rate` ms until stopped, and (with
 * `refundEvery`) the full refund of every such sale once the sale was answered 200.
 */
export interface PacedLoad {
  /** Every answer so far (200, 503, … or `error`), in arrival order; a refund's last try only. */
  readonly answers: Answer[];
  /** When the load started (epoch ms). */
  readonly started: number;
  /** Resolves once at least `count` answers arrived. */
  readonly answered: (count: number) => Promise<unknown>;
  /** Stops sending and resolves once every request sent has its answer. */
  readonly stop: () => Promise<void>;
}

/**
 * Offers sales numbered from `firstRefno` at `rate` per second, each to the ingress `pick`
 * chooses for the n-th request (a load balancer's choice). With `refundEvery: k`, every k-th
 * sale answered 200 is refunded right after; a refund not answered 200 is offered again (as
 * providers retry), up to 20 times, to the ingress `pick` chooses then.
 */
export function startPacedLoad(
  pipeline: ClusterPipeline,
  options: {
    readonly rate: number;
    readonly firstRefno: number;
    readonly pick: (n: number) => Instance | undefined;
    readonly refundEvery?: number;
  },
): PacedLoad {
  const answers: Answer[] = [];
  const started = Date.now();
  let running = true;
  let posted = 0;
  const urlOf = (n: number) => {
    const target = options.pick(n);
    return target ? `http://127.0.0.1:${target.port}` : '';
  };
  const post = (url: string, refno: string, kind: Answer['kind']) =>
    postNotification(url, pipeline.route, pipeline[kind](refno)).then(
      (answer) => answer.status,
      () => 'error' as const,
    );
  // Counted as posted before the sale's answer is pushed, so stop() also waits for it.
  const refund = async (n: number, refno: string) => {
    let status: Answer['status'] = 'error';
    for (let attempt = 0; attempt < 20 && status !== 200; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
      status = await post(urlOf(n + attempt), refno, 'refund');
    }
    answers.push({ refno, kind: 'refund', status, at: Date.now() });
  };
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const due = started + (n * 1000) / options.rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const refno = String(options.firstRefno + n);
      const url = urlOf(n);
      posted += 1;
      void post(url, refno, 'sale').then((status) => {
        if (status === 200 && options.refundEvery !== undefined && n % options.refundEvery === 0) {
          posted += 1;
          void refund(n, refno);
        }
        answers.push({ refno, kind: 'sale', status, at: Date.now() });
      });
    }
  })();
  return {
    answers,
    started,
    answered: (count) =>
      waitFor(() => answers.length >= count, {
        timeoutMs: 300_000,
        description: `${count} answers`,
      }),
    stop: async () => {
      running = false;
      await loop;
      // Every request has its answer (200, 503 or an error) before anything is counted.
      await waitFor(() => answers.length >= posted, {
        timeoutMs: 60_000,
        description: 'the answers of the last requests',
      });
    },
  };
}
