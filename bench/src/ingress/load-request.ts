/** What the ingress benchmark asks its load generator to do. */
export interface LoadRequest {
  /** Full URL of the notification route, e.g. `http://127.0.0.1:41234/v1/notifications/2checkout/m`. */
  readonly url: string;
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  /** The IPN pool to build (in the child, so signing costs the parent nothing). */
  readonly pool: {
    readonly count: number;
    readonly seed: number;
    readonly merchantId: string;
    readonly secretKey: string;
  };
}

/** What the load generator measured in its timed run (latencies in milliseconds). */
export interface LoadResult {
  readonly poolBuildMs: number;
  /** 2xx answers during the warm-up (their records are on the topic too). */
  readonly warmUpOk: number;
  readonly durationSeconds: number;
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  };
  /** Requests beyond the pool size re-send earlier bodies (the ingress then dedupes them). */
  readonly poolWrapped: boolean;
}
