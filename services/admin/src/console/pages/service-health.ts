/** What the health page shows of one service, read from its own endpoints. */
export interface ServiceHealth {
  readonly name: string;
  readonly url: string;
  /** `null` when `/readyz` could not be reached. */
  readonly ready: boolean | null;
  /** The `/readyz` body's checks (`{ kafka: 'ok', … }`), when it had any. */
  readonly checks: Readonly<Record<string, unknown>>;
  /** Sum over partitions of each `*_consumer_lag` gauge of `/metrics`, by metric name. */
  readonly lag: ReadonlyMap<string, number>;
}

const LAG_LINE = /^(clawback_[a-z_]*consumer_lag)(?:\{[^}]*\})? ([0-9.eE+-]+)$/;

/** Consumer lag per metric from a Prometheus text exposition (partitions summed). */
export function lagOf(metricsText: string): Map<string, number> {
  const lag = new Map<string, number>();
  for (const line of metricsText.split('\n')) {
    const match = LAG_LINE.exec(line.trim());
    if (match === null) continue;
    const value = Number(match[2]);
    if (Number.isFinite(value)) lag.set(match[1]!, (lag.get(match[1]!) ?? 0) + value);
  }
  return lag;
}

async function text(url: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

/** Reads `/readyz` and `/metrics` of a service (unreachable reads as `ready: null`). */
export async function readServiceHealth(name: string, url: string): Promise<ServiceHealth> {
  const [readyz, metrics] = await Promise.all([text(`${url}/readyz`), text(`${url}/metrics`)]);
  let checks: Record<string, unknown> = {};
  try {
    const parsed: unknown = readyz === null ? {} : JSON.parse(readyz.body);
    const inner = (parsed as { checks?: unknown }).checks ?? parsed;
    if (typeof inner === 'object' && inner !== null) checks = inner as Record<string, unknown>;
  } catch {
    checks = {};
  }
  return {
    name,
    url,
    ready: readyz === null ? null : readyz.status === 200,
    checks,
    lag: metrics === null ? new Map() : lagOf(metrics.body),
  };
}
