/** What the end-to-end benchmark asks its paced load generator to do. */
export interface PacedRequest {
  readonly url: string;
  readonly ratePerSecond: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  /** Requests waiting for an answer at most; a request due beyond it is shed (counted). */
  readonly maxInFlight: number;
  /** Keep-alive sockets at most; requests beyond them wait for one (counted as latency). */
  readonly connections: number;
  readonly pool: { readonly seed: number; readonly merchantId: string; readonly secretKey: string };
}

/** One request as sent: its notification id, when it started and ended, and its status. */
export interface SentRequest {
  readonly notificationId: string;
  readonly orderKey: string;
  /** The story step's kind: a payment the order's later notifications depend on, or not. */
  readonly kind: string;
  readonly startMs: number;
  readonly endMs: number;
  /** HTTP status; 0 for a connection error, -1 when shed (never sent). */
  readonly status: number;
  /** For a connection error: Node's error code (`ECONNRESET`, …) or its message. */
  readonly error?: string;
  readonly warmUp: boolean;
}

/** Everything the paced generator sent. */
export interface PacedResult {
  readonly requests: readonly SentRequest[];
  /** Wall time from the first scheduled send to the last answer. */
  readonly elapsedMs: number;
}
