/** What the ingress benchmark asks its load generator to do (one round). */
export interface LoadRequest {
  /** Full URL of the notification route, e.g. `http://127.0.0.1:41234/v1/notifications/2checkout/m`. */
  readonly url: string;
  /** Keep-alive connections, each with one request in flight (closed loop). */
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  /** The IPN pool to build (in the child, so signing costs the parent nothing). */
  readonly pool: {
    readonly count: number;
    readonly seed: number;
    readonly merchantId: string;
    readonly secretKey: string;
    readonly firstOrder: number;
  };
}

/** What the load generator measured in its timed window (latencies in milliseconds). */
export interface LoadResult {
  readonly poolBuildMs: number;
  /** 200s over the whole run: warm-up, timed window and the requests drained after it. */
  readonly okAll: number;
  readonly durationSeconds: number;
  /** Answers received in the timed window. */
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors and responses it could not read, whole run. */
  readonly errors: number;
  /** Requests still unanswered when the drain after the window gave up. */
  readonly timeouts: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  };
  /** CPU cores the load generator itself used in the timed window (user + system ÷ wall). */
  readonly cpuCores: number;
  /** Requests beyond the pool size re-send earlier bodies (the ingress then dedupes them). */
  readonly poolWrapped: boolean;
}
