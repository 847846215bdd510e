import { adapterFor, type IngressDecision, type IngressRequest } from '@clawback/providers';
import { nowMs, perSecond } from '../stats/stopwatch';
import type { AdapterCase } from './adapter-cases';
import { bareCheck } from './bare-baseline';

const MERCHANT = 'bench-merchant';
const NOW = (): number => Date.parse('2026-02-01T00:00:00Z');

/** Throughput of one loop over a case's bodies. */
export interface LoopFigure {
  readonly operations: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  readonly microsecondsEach: number;
}

function request(c: AdapterCase, i: number): IngressRequest {
  const { body, contentType } = c.bodies[i % c.bodies.length]!;
  return { merchantId: MERCHANT, body, contentType, query: c.query, secrets: c.secrets, now: NOW };
}

function accepted(
  decision: IngressDecision,
  c: AdapterCase,
): Extract<IngressDecision, { outcome: 'accepted' }> {
  if (decision.outcome !== 'accepted')
    throw new Error(`${c.name}: a synthetic body was not accepted (${decision.outcome})`);
  return decision;
}

/**
 * Accepts and normalizes every body once, untimed: a benchmark of the rejection path would
 * measure nothing useful, so a generator bug must stop the run.
 */
export function checkCase(c: AdapterCase): void {
  const adapter = adapterFor(c.provider);
  for (let i = 0; i < c.bodies.length; i++) {
    const req = request(c, i);
    const decision = accepted(adapter.accept(req), c);
    adapter.normalize({
      merchantId: MERCHANT,
      body: decision.recordBody,
      contentType: req.contentType,
    });
  }
}

function loop(operations: number, work: (i: number) => number): LoopFigure {
  let sink = 0;
  const start = nowMs();
  for (let i = 0; i < operations; i++) sink += work(i);
  const elapsedMs = nowMs() - start;
  if (sink === Number.MIN_VALUE) process.stderr.write('');
  return {
    operations,
    elapsedMs,
    perSecond: perSecond(operations, elapsedMs),
    microsecondsEach: (elapsedMs * 1000) / operations,
  };
}

/** Ingress half: parse and verify (`accept`). */
export function acceptLoop(c: AdapterCase, operations: number): LoopFigure {
  const adapter = adapterFor(c.provider);
  return loop(operations, (i) => accepted(adapter.accept(request(c, i)), c).orderKey.length);
}

/** Lifecycle half: parse and normalize a stored record (`normalize`). */
export function normalizeLoop(c: AdapterCase, operations: number): LoopFigure {
  const adapter = adapterFor(c.provider);
  return loop(operations, (i) => {
    const { body, contentType } = c.bodies[i % c.bodies.length]!;
    return adapter.normalize({ merchantId: MERCHANT, body, contentType }).amount;
  });
}

/** Both halves, as one notification goes through them: parse + verify + normalize. */
export function fullLoop(c: AdapterCase, operations: number): LoopFigure {
  const adapter = adapterFor(c.provider);
  return loop(operations, (i) => {
    const req = request(c, i);
    const decision = accepted(adapter.accept(req), c);
    return adapter.normalize({
      merchantId: MERCHANT,
      body: decision.recordBody,
      contentType: req.contentType,
    }).amount;
  });
}

/** The bare baseline over the same bodies. */
export function bareLoop(c: AdapterCase, operations: number): LoopFigure {
  return loop(operations, (i) =>
    bareCheck(c.baseline, c.bodies[i % c.bodies.length]!.body, c.query),
  );
}
